// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::model {

// One file of a version as the wire carries it: normalised site path,
// lower-case hex SHA-256 of the content, size in bytes.
struct VersionFile final
{
    QString path;
    QString sha256;
    qint64 size = 0;

    bool operator==(const VersionFile &) const = default;
};

} // namespace ddd::core::model
