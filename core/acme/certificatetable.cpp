// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificatetable.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/statement.h"
#include "core/util/clock.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace ddd::core::acme {

Q_LOGGING_CATEGORY(lcCertificateTable, "ddd.core.acme")

namespace {

std::optional<CertificateStatus> statusFrom(const QString &json)
{
    return CertificateStatus::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
}

} // namespace

CertificateTable::CertificateTable(storage::ConnectionProvider &connections, const Clock &clock)
    : m_connections(connections), m_clock(clock)
{
}

Result<QHash<qint64, CertificateStatus>> CertificateTable::statuses() const
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"SELECT status FROM certificate_statuses"_qs);
    if (!statement)
        return statement.error();
    Result<QList<QString>> rows = statement->collect<QString>([](storage::Statement &row) { return row.columnText(0); });
    if (!rows)
        return rows.error();
    QHash<qint64, CertificateStatus> out;
    for (const QString &json : *rows)
        if (std::optional<CertificateStatus> status = statusFrom(json))
            out.insert(status->projectId, *status);
    return out;
}

std::optional<CertificateStatus> CertificateTable::status(qint64 projectId) const
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"SELECT status FROM certificate_statuses WHERE project_id = ?1"_qs);
    if (!statement)
        return std::nullopt;
    statement->bind(1, projectId);
    Result<bool> found = statement->step();
    if (!found || !*found)
        return std::nullopt;
    std::optional<CertificateStatus> status = statusFrom(statement->columnText(0));
    return status && status->projectId == projectId ? status : std::nullopt;
}

Status CertificateTable::saveStatus(const CertificateStatus &status)
{
    Result<storage::Statement> statement = m_connections.current().prepare(
        u"INSERT INTO certificate_statuses (project_id, status) VALUES (?1, ?2) "
        "ON CONFLICT (project_id) DO UPDATE SET status = excluded.status"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, status.projectId)
        .bind(2, QString::fromUtf8(QJsonDocument(status.toJson()).toJson(QJsonDocument::Compact)));
    return statement->run();
}

void CertificateTable::removeStatus(qint64 projectId)
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"DELETE FROM certificate_statuses WHERE project_id = ?1"_qs);
    Status removed = statement ? statement->bind(1, projectId).run() : Status(statement.error());
    if (!removed)
        qCWarning(lcCertificateTable).noquote() << "cannot remove a certificate status:" << removed.error().message;
}

Status CertificateTable::installPair(const QString &primaryDomain, const QByteArray &fullchain,
                                     const QByteArray &privateKey)
{
    Result<storage::Statement> statement = m_connections.current().prepare(
        u"INSERT INTO certificate_pairs (domain, fullchain, private_key, changed_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (domain) DO UPDATE SET fullchain = excluded.fullchain, private_key = excluded.private_key, "
        "changed_at = excluded.changed_at"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, primaryDomain).bind(2, fullchain).bind(3, privateKey).bind(4, m_clock.nowMs());
    return statement->run();
}

Status CertificateTable::removePair(const QString &primaryDomain)
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"DELETE FROM certificate_pairs WHERE domain = ?1"_qs);
    return statement ? statement->bind(1, primaryDomain).run() : Status(statement.error());
}

Result<QList<CertificateTable::Stamp>> CertificateTable::stamps() const
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"SELECT domain, changed_at FROM certificate_pairs ORDER BY domain"_qs);
    if (!statement)
        return statement.error();
    return statement->collect<Stamp>(
        [](storage::Statement &row) { return Stamp{row.columnText(0), row.columnInt(1)}; });
}

Result<CertificateTable::Pair> CertificateTable::pair(const QString &primaryDomain) const
{
    Result<storage::Statement> statement = m_connections.current().prepare(
        u"SELECT fullchain, private_key FROM certificate_pairs WHERE domain = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, primaryDomain);
    Result<bool> found = statement->step();
    if (!found)
        return found.error();
    if (!*found)
        return Error::make(u"acme.no_certificate"_qs, u"no certificate for "_qs + primaryDomain);
    return Pair{statement->columnBlob(0), statement->columnBlob(1)};
}

} // namespace ddd::core::acme
