// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace ddd::core::model {

// Counts of a version's change against the version that was live before it
// (docs/api.md `diff`): files added, changed and removed, and the bytes the
// new files bring in and the removed ones take away.
struct DiffSummary final
{
    qint64 added = 0;
    qint64 changed = 0;
    qint64 removed = 0;
    qint64 bytesAdded = 0;
    qint64 bytesRemoved = 0;

    bool operator==(const DiffSummary &) const = default;
};

} // namespace ddd::core::model
