// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/memorybucket.h"

#include <QCryptographicHash>
#include <QFile>

namespace ddd::test {

using core::Error;

bool MemoryBucket::holds(const QByteArray &key)
{
    std::lock_guard lock(mutex);
    return objects.contains(key);
}

core::Result<MemoryBucket::PutOutcome> MemoryBucket::putIfAbsent(const QByteArray &key, const QString &file,
                                                                 const QByteArray &)
{
    std::lock_guard lock(mutex);
    if (uploadsBeforeOutage == 0)
        return Error::make(u"objects.unavailable"_qs, u"the bucket cannot be reached"_qs);
    if (uploadsBeforeOutage > 0)
        --uploadsBeforeOutage;
    ++uploads;
    if (objects.contains(key))
        return PutOutcome::AlreadyPresent;
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, file);
    objects.insert(key, source.readAll());
    return PutOutcome::Created;
}

core::Result<std::optional<qint64>> MemoryBucket::sizeOf(const QByteArray &key)
{
    std::lock_guard lock(mutex);
    return objects.contains(key) ? std::optional<qint64>(objects.value(key).size()) : std::nullopt;
}

core::Result<QByteArray> MemoryBucket::fetch(const QByteArray &key, const QString &destination,
                                             const std::function<void()> &written)
{
    std::lock_guard lock(mutex);
    if (!objects.contains(key))
        return Error::make(u"objects.not_found"_qs, QString::fromLatin1(key));
    QFile file(destination);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(objects.value(key)) != objects.value(key).size())
        return Error::make(u"io.error"_qs, destination);
    if (written)
        written();
    return QCryptographicHash::hash(objects.value(key), QCryptographicHash::Sha256).toHex();
}

core::Status MemoryBucket::remove(const QByteArray &key)
{
    std::lock_guard lock(mutex);
    if (removalsFail)
        return Error::make(u"objects.unavailable"_qs, u"the bucket cannot be reached"_qs);
    ++removals;
    objects.remove(key);
    return {};
}

core::Result<core::blobs::ObjectStore::Page> MemoryBucket::list(const QByteArray &prefix, const QByteArray &)
{
    if (listingsFail)
        return core::Error::make(u"objects.unavailable"_qs, u"the bucket cannot be reached"_qs);
    Page page;
    const QList<QByteArray> keys = keysUnder(prefix);
    std::lock_guard lock(mutex);
    for (const QByteArray &key : keys)
        page.objects.append({key, objects.value(key).size()});
    return page;
}

QList<QByteArray> MemoryBucket::keysUnder(const QByteArray &prefix)
{
    std::lock_guard lock(mutex);
    QList<QByteArray> keys;
    for (auto it = objects.lowerBound(prefix); it != objects.end() && it.key().startsWith(prefix); ++it)
        keys.append(it.key());
    return keys;
}

} // namespace ddd::test
