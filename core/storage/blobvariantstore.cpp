// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobvariantstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

namespace ddd::core::storage {

namespace {

QString tokenOf(blobs::ContentCoding coding)
{
    return QString::fromLatin1(blobs::BlobVariant::token(coding));
}

// Rows come from record(), so an unknown token means a damaged database.
Result<blobs::ContentCoding> codingOf(const QString &token)
{
    if (std::optional<blobs::ContentCoding> coding = blobs::BlobVariant::fromToken(token.toLatin1()))
        return *coding;
    return Error::make(u"storage.corrupt"_qs, u"Unknown content coding in blob_variants: "_qs + token);
}

} // namespace

BlobVariantStore::BlobVariantStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<QSet<blobs::ContentCoding>> BlobVariantStore::decided(const QByteArray &sha256)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT encoding FROM blob_variants WHERE sha256 = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, QString::fromLatin1(sha256));
    QSet<blobs::ContentCoding> codings;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return codings;
        Result<blobs::ContentCoding> coding = codingOf(statement->columnText(0));
        if (!coding)
            return coding.error();
        codings.insert(*coding);
    }
}

Result<QList<BlobVariantStore::Decision>> BlobVariantStore::record(const QList<Decision> &decisions)
{
    QList<Decision> lost;
    if (decisions.isEmpty())
        return lost;
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Statement> statement =
        db.prepare(u"INSERT INTO blob_variants (sha256, encoding, size, variant_sha256) VALUES (?1, ?2, ?3, ?4) "
               "ON CONFLICT (sha256, encoding) DO NOTHING"_qs);
    if (!statement)
        return statement.error();
    for (const Decision &decision : decisions) {
        statement->reset();
        statement->bind(1, QString::fromLatin1(decision.sha256)).bind(2, tokenOf(decision.coding)).bind(3, decision.size);
        if (decision.variantSha256.isEmpty())
            statement->bindNull(4);
        else
            statement->bind(4, QString::fromLatin1(decision.variantSha256));
        if (Status stored = statement->run(); !stored)
            return stored.error();
        if (db.changes() == 0)
            lost.append(decision);
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return lost;
}

Result<QList<BlobVariantStore::FileVariant>> BlobVariantStore::forVersion(qint64 versionId)
{
    // version_files is keyed by (version_id, path) and blob_variants by
    // (sha256, encoding): one range scan plus an index probe per file.
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
SELECT f.path, v.encoding, v.size FROM version_files f
JOIN blob_variants v ON v.sha256 = f.sha256
WHERE f.version_id = ?1 AND v.size IS NOT NULL)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, versionId);
    QList<FileVariant> variants;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return variants;
        Result<blobs::ContentCoding> coding = codingOf(statement->columnText(1));
        if (!coding)
            return coding.error();
        variants.append({statement->columnText(0), *coding, statement->columnInt(2)});
    }
}

Result<QList<BlobVariantStore::Undecided>> BlobVariantStore::undecided()
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT v.project_id, MIN(f.path), f.sha256, MAX(f.size) FROM version_files f "
        "JOIN versions v ON v.id = f.version_id WHERE v.status IN ('ready', 'live', 'retired') "
        "AND (SELECT COUNT(*) FROM blob_variants b WHERE b.sha256 = f.sha256) < ?1 "
        "GROUP BY v.project_id, f.sha256"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, qint64(blobs::BlobVariant::codings().size()));
    QList<Undecided> blobs;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return blobs;
        blobs.append({statement->columnInt(0), statement->columnText(1), statement->columnText(2).toLatin1(),
                      statement->columnInt(3)});
    }
}

Result<QList<blobs::StoredVariant>> BlobVariantStore::kept()
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT sha256, encoding, size, variant_sha256 FROM blob_variants WHERE size IS NOT NULL"_qs);
    if (!statement)
        return statement.error();
    QList<blobs::StoredVariant> variants;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return variants;
        Result<blobs::ContentCoding> coding = codingOf(statement->columnText(1));
        if (!coding)
            return coding.error();
        variants.append({statement->columnText(0).toLatin1(), *coding, statement->columnInt(2),
                         statement->columnOptionalText(3).value_or(QString()).toLatin1()});
    }
}

Result<std::optional<QByteArray>> BlobVariantStore::publishedHash(const QByteArray &sha256, blobs::ContentCoding coding)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT variant_sha256 FROM blob_variants WHERE sha256 = ?1 AND encoding = ?2 AND size IS NOT NULL"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, QString::fromLatin1(sha256)).bind(2, tokenOf(coding));
    Result<bool> found = statement->step();
    if (!found)
        return found.error();
    std::optional<QString> hash = *found ? statement->columnOptionalText(0) : std::nullopt;
    return hash ? std::optional<QByteArray>(hash->toLatin1()) : std::nullopt;
}

Status BlobVariantStore::setPublishedHash(const QByteArray &sha256, blobs::ContentCoding coding,
                                          const QByteArray &variantSha256)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"UPDATE blob_variants SET variant_sha256 = ?3 WHERE sha256 = ?1 AND encoding = ?2"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, QString::fromLatin1(sha256)).bind(2, tokenOf(coding)).bind(3, QString::fromLatin1(variantSha256));
    return statement->run();
}

Status BlobVariantStore::forget(const QByteArray &sha256, std::optional<blobs::ContentCoding> coding)
{
    const QString sql = coding ? u"DELETE FROM blob_variants WHERE sha256 = ?1 AND encoding = ?2"_qs
                               : u"DELETE FROM blob_variants WHERE sha256 = ?1"_qs;
    Result<Statement> statement = m_connections.current().prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, QString::fromLatin1(sha256));
    if (coding)
        statement->bind(2, tokenOf(*coding));
    return statement->run();
}

} // namespace ddd::core::storage
