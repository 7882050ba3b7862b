// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ddd::test {

// One crafted upload and the refusal it must earn.
struct ArchiveCase
{
    QByteArray name;   // the _data row name
    QByteArray bytes;  // the uploaded file
    QString code;      // the expected error code
    QString entry;     // a part of details.entry, or empty when the archive as a whole is at fault
    QString limit = {}; // details.limit for archive.too_large
};

// The hostile archives of security guide 2.1, one per hazard, built at test
// time. Shared by the reader and ingest tests so both see the same list.
class ArchiveCases final
{
public:
    // Small budgets that keep the bombs fast.
    static core::archive::ArchiveLimits limits();
    static QList<ArchiveCase> hazards();

private:
    static QList<ArchiveCase> nameHazards();
    static QList<ArchiveCase> typeAndDuplicateHazards();
    static QList<ArchiveCase> sizeHazards();
    static QList<ArchiveCase> integrityHazards();
    static QList<ArchiveCase> formatHazards();
};

} // namespace ddd::test
