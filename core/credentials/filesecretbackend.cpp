// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/credentials/filesecretbackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>

namespace ddd::core::credentials {

namespace {

constexpr QFileDevice::Permissions OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerOnlyDir = OwnerOnlyFile | QFileDevice::ExeOwner;

} // namespace

FileSecretBackend::FileSecretBackend(QString path) : m_path(std::move(path)) {}

void FileSecretBackend::read(const QString &key, Done done)
{
    QString reason;
    const std::optional<QJsonObject> secrets = load(&reason);
    if (!secrets)
        return done({Outcome::Failed, {}, reason});
    if (!secrets->contains(key))
        return done({Outcome::NotFound, {}, {}});
    done({Outcome::Ok, secrets->value(key).toString(), {}});
}

void FileSecretBackend::write(const QString &key, const QString &secret, Done done)
{
    QString reason;
    std::optional<QJsonObject> secrets = load(&reason);
    if (!secrets)
        return done({Outcome::Failed, {}, reason});
    secrets->insert(key, secret);
    if (!save(*secrets, &reason))
        return done({Outcome::Failed, {}, reason});
    done({Outcome::Ok, {}, {}});
}

void FileSecretBackend::remove(const QString &key, Done done)
{
    QString reason;
    std::optional<QJsonObject> secrets = load(&reason);
    if (!secrets)
        return done({Outcome::Failed, {}, reason});
    if (!secrets->contains(key))
        return done({Outcome::NotFound, {}, {}});
    secrets->remove(key);
    if (!save(*secrets, &reason))
        return done({Outcome::Failed, {}, reason});
    done({Outcome::Ok, {}, {}});
}

std::optional<QJsonObject> FileSecretBackend::load(QString *reason) const
{
    QFile file(m_path);
    if (!file.exists())
        return QJsonObject();
    // Someone loosened the permissions: close the gap before using the file.
    if ((file.permissions() & ~(OwnerOnlyFile | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0)
        file.setPermissions(OwnerOnlyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *reason = file.errorString();
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        *reason = QStringLiteral("%1 is not a credentials file").arg(m_path);
        return std::nullopt;
    }
    return document.object();
}

bool FileSecretBackend::save(const QJsonObject &secrets, QString *reason) const
{
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, OwnerOnlyDir)) {
        *reason = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    QTemporaryFile staging(m_path + u".XXXXXX"_qs); // created 0600
    if (!staging.open() || !staging.setPermissions(OwnerOnlyFile)
        || staging.write(QJsonDocument(secrets).toJson()) < 0 || !staging.flush()) {
        *reason = staging.errorString();
        return false;
    }
    staging.close();
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(staging.fileName()).toStdString(),
                            QFile::encodeName(m_path).toStdString(), error);
    if (error) {
        *reason = QString::fromStdString(error.message());
        return false;
    }
    staging.setAutoRemove(false);
    return true;
}

} // namespace ddd::core::credentials
