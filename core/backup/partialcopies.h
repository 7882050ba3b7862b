// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFileInfo>
#include <QString>

namespace ddd::core::backup {

// A backup and a restore are each assembled in a hidden sibling of their
// target (".<name>.<kind>-XXXXXX") and renamed into place only when
// complete. One killed before the rename leaves that sibling behind (as
// much data as the blob store); the next run for the same target removes
// it. Two runs for one target at the same time were never supported: one
// of them fails either way.
class PartialCopies final
{
public:
    // The QTemporaryDir template for a new partial copy of `target`.
    static QString templateFor(const QFileInfo &target, QStringView kind);
    // Removes what killed runs of this kind left beside `target`.
    static void removeLeftovers(const QFileInfo &target, QStringView kind);
};

} // namespace ddd::core::backup
