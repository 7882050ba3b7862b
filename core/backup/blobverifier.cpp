// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/blobverifier.h"

#include "core/backup/hashedfile.h"
#include "core/blobs/blobstore.h"
#include "core/util/parallelfor.h"

#include <QFileInfo>

#include <mutex>

namespace ddd::core::backup {

namespace {

std::optional<CheckProblem> verifyOne(const blobs::BlobStore &store, const QByteArray &sha256, qint64 size)
{
    const QString name = QString::fromLatin1(sha256);
    const auto problem = [&](const QString &code, const QString &message) {
        return CheckProblem{code, message, {{u"sha256"_qs, name}}};
    };
    const QString path = store.pathFor(sha256);
    if (path.isEmpty())
        return problem(u"check.blob_corrupt"_qs, u"the database names an invalid blob "_qs + name);
    const QFileInfo info(path);
    if (!info.exists())
        return problem(u"check.blob_missing"_qs, u"blob "_qs + name + u" is missing"_qs);
    if (info.size() != size)
        return problem(u"check.blob_size"_qs, QStringLiteral("blob %1 has %2 bytes, the database says %3")
                                                   .arg(name).arg(info.size()).arg(size));
    Result<HashedFile> hashed = HashedFile::read(path);
    if (!hashed)
        return problem(u"check.blob_corrupt"_qs, u"blob "_qs + name + u" cannot be read: "_qs + hashed.error().message);
    if (hashed->sha256 != sha256)
        return problem(u"check.blob_corrupt"_qs, u"blob "_qs + name + u" hashes to "_qs + QString::fromLatin1(hashed->sha256));
    return std::nullopt;
}

} // namespace

QList<CheckProblem> BlobVerifier::verify(const QString &dataRoot, const QHash<QByteArray, qint64> &blobs, int threads)
{
    const blobs::BlobStore store(dataRoot);
    const QList<QByteArray> names = blobs.keys();
    std::mutex mutex; // guards problems
    QList<CheckProblem> problems;
    parallelFor(names.size(), threads, [&](qsizetype i) {
        std::optional<CheckProblem> problem = verifyOne(store, names.at(i), blobs.value(names.at(i)));
        if (problem) {
            const std::lock_guard lock(mutex);
            problems.append(std::move(*problem));
        }
        return true; // every blob is checked, whatever the others found
    });
    return problems;
}

} // namespace ddd::core::backup
