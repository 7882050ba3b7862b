// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifestentry.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace ddd::core::blobs {

// The files of one version: path -> blob hash and size, sorted by path in
// code point (= UTF-8 byte) order. Its canonical encoding, one
// "<path>\0<sha256>\0<size>\n" line per file in that order, is what
// manifestHash() hashes, so the hash does not depend on the order entries
// arrived in, on JSON formatting or on the platform.
//
// Construction validates every entry. Codes: manifest.invalid (malformed
// JSON, a bad hash or size, a path not already in normalised form),
// archive.duplicate_entry, and SafePath's archive.* codes for bad paths.
// Case collisions, files below files and the size budgets are the deploy
// side's business (Ingest::checkManifest).
class Manifest final
{
public:
    Manifest() = default;

    static Result<Manifest> fromEntries(QList<ManifestEntry> entries);
    // {"files": [{"path": "...", "sha256": "...", "size": 123}, ...]}
    static Result<Manifest> fromJson(const QByteArray &json);
    // The same from a parsed document (read strictly by the caller).
    static Result<Manifest> fromJsonObject(const QJsonObject &document);
    // One {"path", "sha256", "size"} object; `index` names it in errors.
    static Result<ManifestEntry> entryFromJson(const QJsonValue &value, qsizetype index);
    QByteArray toJson() const;

    QByteArray canonicalEncoding() const;
    QByteArray manifestHash() const;

    const QList<ManifestEntry> &entries() const { return m_entries; }
    // The entry for a normalised path, or nullptr.
    const ManifestEntry *find(const QString &path) const;
    qsizetype fileCount() const { return m_entries.size(); }
    qint64 totalBytes() const;

    // The order entries are kept in: Unicode code points, not UTF-16 units.
    static bool pathLess(const QString &a, const QString &b);

private:
    explicit Manifest(QList<ManifestEntry> sortedEntries);

    QList<ManifestEntry> m_entries;
};

} // namespace ddd::core::blobs
