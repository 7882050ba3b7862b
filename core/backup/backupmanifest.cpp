// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/backupmanifest.h"

#include "core/blobs/sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ddd::core::backup {

QByteArray BackupManifest::toJson() const
{
    QJsonObject countsObject;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        countsObject.insert(it.key(), it.value());
    const QJsonObject object{
        {u"format"_qs, format},
        {u"agentVersion"_qs, agentVersion},
        {u"createdAt"_qs, createdAtMs},
        {u"schemaVersion"_qs, schemaVersion},
        {u"database"_qs, QJsonObject{{u"file"_qs, u"agent.db"_qs},
                                     {u"sha256"_qs, QString::fromLatin1(databaseSha256)},
                                     {u"bytes"_qs, databaseBytes}}},
        {u"counts"_qs, countsObject},
        {u"keys"_qs, QJsonArray::fromStringList(keys)},
        {u"certificates"_qs, QJsonArray::fromStringList(certificates)},
        {u"config"_qs, config},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// Only inside the two folders, and no step out of them: a damaged or
// hostile manifest must not make restore write elsewhere.
bool BackupManifest::isCertificatePath(const QString &path)
{
    if (!path.startsWith(u"certificates/"_qs) && !path.startsWith(u"acme/status/"_qs))
        return false;
    const QStringList parts = path.split(u'/');
    return std::none_of(parts.cbegin(), parts.cend(),
                        [](const QString &part) { return part.isEmpty() || part.startsWith(u'.'); });
}

Result<BackupManifest> BackupManifest::fromJson(const QByteArray &json)
{
    const auto damaged = [](const QString &why) {
        return Error::make(u"restore.damaged"_qs, u"The backup manifest is damaged: "_qs + why);
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return damaged(error.errorString());
    const QJsonObject object = document.object();
    const QJsonObject database = object.value(u"database"_qs).toObject();
    BackupManifest manifest;
    manifest.format = object.value(u"format"_qs).toInt(0);
    manifest.agentVersion = object.value(u"agentVersion"_qs).toString();
    manifest.createdAtMs = object.value(u"createdAt"_qs).toInteger();
    manifest.schemaVersion = object.value(u"schemaVersion"_qs).toInt(0);
    manifest.databaseSha256 = database.value(u"sha256"_qs).toString().toLatin1();
    manifest.databaseBytes = database.value(u"bytes"_qs).toInteger(-1);
    const QJsonObject counts = object.value(u"counts"_qs).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        manifest.counts.insert(it.key(), it.value().toInteger());
    for (const QJsonValue &key : object.value(u"keys"_qs).toArray())
        manifest.keys.append(key.toString());
    for (const QJsonValue &file : object.value(u"certificates"_qs).toArray())
        manifest.certificates.append(file.toString());
    manifest.config = object.value(u"config"_qs).toBool();
    if (manifest.format < 1)
        return damaged(u"no format"_qs);
    if (manifest.format == kFormat && (!blobs::Sha256::isValidHex(manifest.databaseSha256) || manifest.databaseBytes < 0))
        return damaged(u"no database hash"_qs);
    for (const QString &key : manifest.keys)
        if (key.isEmpty() || key.contains(u'/') || key.startsWith(u'.'))
            return damaged(u"invalid key file name "_qs + key);
    for (const QString &file : manifest.certificates)
        if (!isCertificatePath(file))
            return damaged(u"invalid certificate file name "_qs + file);
    return manifest;
}

} // namespace ddd::core::backup
