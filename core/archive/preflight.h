// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/archive/ignorerules.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::archive {

// The dashboard's check of a dropped folder or archive before anything is
// uploaded (design guide 5): the same readers and rules the agent applies,
// with the data thrown away, plus advice the agent does not enforce.
//
// An error finding carries the code the agent would refuse the upload with.
// Every refused name or type is listed at once (DirectoryReader::readAll,
// ArchiveReader::readAll); damage and size limits end the scan. Warnings:
// preflight.no_index (no index.html at the top level) and
// preflight.large_file (a file above `largeFileBytes`).
class Preflight final
{
public:
    enum class Severity { Error, Warning };

    struct Finding
    {
        Severity severity = Severity::Error;
        QString code;
        QString message;
        QString path; // the entry concerned as on disk, empty for the whole input
        QJsonObject details = {}; // the refusal's details (collidesWith names the other file)
    };

    struct Report
    {
        QList<Finding> findings;
        qint64 fileCount = 0;
        qint64 totalBytes = 0;
        QStringList leftOut; // kept home by the ignore rules; folders end in '/'

        bool wouldBeAccepted() const;
    };

    static Report scanArchive(const QString &path, const ArchiveLimits &limits, qint64 largeFileBytes);
    // With `ignore`, what it matches is left out (Report::leftOut) unchecked.
    static Report scanDirectory(const QString &path, const ArchiveLimits &limits, qint64 largeFileBytes,
                                std::optional<IgnoreRules> ignore = std::nullopt);
};

} // namespace ddd::core::archive
