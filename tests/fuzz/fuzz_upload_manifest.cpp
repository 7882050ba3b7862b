// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The manifest an incremental upload posts (UploadManifest::read): a whole
// site or a patch against a base version, read against a real migrated
// database holding two projects. Properties: an accepted manifest lists
// normal paths in order, once each, with valid hashes and sizes; and a patch
// never reaches another project's version: the other project's content
// (its hash) only appears when the input itself names that hash.
#include "core/blobs/manifest.h"
#include "core/blobs/sha256.h"
#include "core/deploy/uploadmanifest.h"
#include "core/util/safepath.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/versionstore.h"
#include "tests/fuzz/fuzzsupport.h"

using ddd::fuzz::violated;

namespace {

const QByteArray kForeignHash = QByteArray(64, 'c');

void exec(ddd::core::storage::Database &db, const QString &sql)
{
    if (!db.exec(sql).ok())
        violated("the fixture rows insert", sql);
}

// A migrated agent.db under the scratch root. Project 1 (ours) has
// version 1; project 2 (someone else's) version 2.
ddd::core::storage::ConnectionProvider &database()
{
    static ddd::core::storage::ConnectionProvider provider(ddd::fuzz::scratchRoot() + u"/agent.db"_qs);
    static const bool seeded = [] {
        if (!provider.initialise().ok())
            violated("the database migrates", provider.current().path());
        ddd::core::storage::Database &db = provider.current();
        exec(db, u"INSERT INTO users(id, email, email_key, password_hash, role, created_at, updated_at) VALUES "
                 "(1, 'a', 'a', 'h', 'user', 0, 0), (2, 'b', 'b', 'h', 'user', 0, 0)"_qs);
        exec(db, u"INSERT INTO projects(id, owner_id, name, slug, created_at, updated_at) VALUES "
                 "(1, 1, 'p', 'p', 0, 0), (2, 2, 'q', 'q', 0, 0)"_qs);
        exec(db, u"INSERT INTO versions(id, project_id, number, status, source, created_at) VALUES "
                 "(1, 1, 1, 'ready', 'archive', 0), (2, 2, 1, 'ready', 'archive', 0)"_qs);
        exec(db, u"INSERT INTO version_files VALUES (1, 'index.html', '"_qs + QString(64, u'a')
                     + u"', 3), (1, 'css/site.css', '"_qs + QString(64, u'b') + u"', 4), (2, 'secret.html', '"_qs
                     + QString::fromLatin1(kForeignHash) + u"', 5)"_qs);
        return true;
    }();
    (void)seeded;
    return provider;
}

void checkManifest(const ddd::core::blobs::Manifest &manifest, const QByteArray &input)
{
    const QList<ddd::core::blobs::ManifestEntry> &entries = manifest.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto &entry = entries.at(i);
        const auto normal = ddd::core::SafePath::fromArchiveEntry(entry.path.toUtf8());
        if (!normal.ok() || normal.value() != entry.path)
            violated("a manifest path is normal", entry.path);
        if (!ddd::core::blobs::Sha256::isValidHex(entry.sha256) || entry.size < 0)
            violated("a manifest entry has a valid hash and size", entry.path);
        if (i > 0 && !ddd::core::blobs::Manifest::pathLess(entries.at(i - 1).path, entry.path))
            violated("manifest paths are sorted and unique", entry.path);
        if (entry.sha256 == kForeignHash && !input.contains(kForeignHash))
            violated("a patch never reaches another project's version", entry.path);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = ddd::fuzz::bytes(data, size);
    ddd::core::storage::VersionStore versions(database());
    const auto manifest = ddd::core::deploy::UploadManifest::read(json, 1, versions);
    if (manifest.ok())
        checkManifest(manifest.value(), json);
    else if (!manifest.error().code.contains(u'.'))
        violated("a refusal has a stable dotted code", manifest.error().code);
    return 0;
}
