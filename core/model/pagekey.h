// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::model {

// Where a page of a listing ended: the sort key of its last row. The next
// page starts strictly after it (keyset paging, never an offset), so rows
// added or removed meanwhile neither repeat nor shift the rest. Which fields
// count depends on the listing: `number` for versions, sources and builds
// (newest first); `number` = creation time and `id` for projects; `path` for
// a version's files.
struct PageKey final
{
    qint64 number = 0;
    qint64 id = 0;
    QString path;

    bool operator==(const PageKey &) const = default;
};

} // namespace ddd::core::model
