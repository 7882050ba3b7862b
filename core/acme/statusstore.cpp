// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/statusstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace ddd::core::acme {

QString StatusStore::fileOf(qint64 projectId) const
{
    return m_dir + u"/project-%1.json"_qs.arg(projectId);
}

namespace {

std::optional<CertificateStatus> readStatus(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return CertificateStatus::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

} // namespace

QHash<qint64, CertificateStatus> StatusStore::loadAll() const
{
    QHash<qint64, CertificateStatus> out;
    const QStringList files = QDir(m_dir).entryList({u"project-*.json"_qs}, QDir::Files);
    for (const QString &name : files)
        if (auto status = readStatus(m_dir + u'/' + name))
            out.insert(status->projectId, *status);
    return out;
}

std::optional<CertificateStatus> StatusStore::load(qint64 projectId) const
{
    std::optional<CertificateStatus> status = readStatus(fileOf(projectId));
    return status && status->projectId == projectId ? status : std::nullopt;
}

Status StatusStore::save(const CertificateStatus &status) const
{
    if (!QDir().mkpath(m_dir))
        return Error::make(u"io.error"_qs, u"cannot create "_qs + m_dir);
    QSaveFile file(fileOf(status.projectId));
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(u"io.error"_qs, u"cannot write "_qs + file.fileName() + u": "_qs + file.errorString());
    file.write(QJsonDocument(status.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::make(u"io.error"_qs, u"cannot write "_qs + file.fileName() + u": "_qs + file.errorString());
    return {};
}

void StatusStore::remove(qint64 projectId) const
{
    QFile::remove(fileOf(projectId));
}

} // namespace ddd::core::acme
