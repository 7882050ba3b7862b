// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/blobs/manifestentry.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ddd::core::blobs {

// A manifest told as its difference to a version the agent already holds,
// so a redeploy that changes a few files sends a few entries instead of the
// whole site (docs/api.md, "lean manifests"):
//   {"base": <versionId>, "changed": [{path, sha256, size}], "removed": [path]}
// "changed" holds added and changed files alike. Codes: manifest.invalid (a
// malformed document, "files" beside "base", a path both changed and
// removed or removed twice), manifest.not_in_base (a removed path the base
// does not have), and Manifest's codes for the result.
class ManifestPatch final
{
public:
    // Whether a posted manifest document is one of these (it has "base").
    static bool isPatch(const QJsonObject &document);
    static Result<ManifestPatch> fromJsonObject(const QJsonObject &document);

    qint64 base() const { return m_base; }
    qsizetype changedCount() const { return m_changed.size(); }
    // The base's files with the removals and changes applied.
    Result<Manifest> applyTo(const Manifest &base) const;

private:
    qint64 m_base = 0;
    QList<ManifestEntry> m_changed;
    QStringList m_removed;
};

} // namespace ddd::core::blobs
