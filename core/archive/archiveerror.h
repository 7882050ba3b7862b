// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QJsonObject>
#include <QString>

namespace ddd::core::archive {

// Builds the refusals of this folder in one shape: the message names the
// offending entry (or the archive as a whole) and details.entry carries it,
// so the dashboard can point at the file.
class ArchiveError final
{
public:
    // `entry` is a printable name (SafePath::displayName for raw bytes), or
    // empty when the problem is the archive as a whole.
    static Error make(const QString &code, const QString &entry, const QString &reason, QJsonObject details = {});
};

} // namespace ddd::core::archive
