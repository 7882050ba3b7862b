// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/certificatestorage.h"

#include <QList>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class ConnectionProvider;
}

namespace ddd::core::acme {

// The certificates of agents sharing a database (schema step 22):
// certificate_statuses (one JSON status per project, kept after the project
// is deleted until the manager forgets it and removes its pair) and
// certificate_pairs (by primary domain). The issuing agent writes them;
// any API agent reads a status, and every site agent copies the pairs to its
// disk (CertificateSync). A pair is replaced in one statement, so a reader
// sees the old pair or the new one.
class CertificateTable final : public CertificateStorage
{
public:
    struct Stamp final
    {
        QString domain;
        qint64 changedMs = 0;
        bool operator==(const Stamp &) const = default;
    };
    struct Pair final
    {
        QByteArray fullchain;
        QByteArray privateKey;
    };

    CertificateTable(storage::ConnectionProvider &connections, const Clock &clock);

    Result<QHash<qint64, CertificateStatus>> statuses() const override;
    std::optional<CertificateStatus> status(qint64 projectId) const override;
    Status saveStatus(const CertificateStatus &status) override;
    void removeStatus(qint64 projectId) override;
    Status installPair(const QString &primaryDomain, const QByteArray &fullchain,
                       const QByteArray &privateKey) override;
    Status removePair(const QString &primaryDomain) override;

    // Every pair's domain and when it last changed, for a cheap comparison.
    Result<QList<Stamp>> stamps() const;
    // `acme.no_certificate` when the domain has no pair (any more).
    Result<Pair> pair(const QString &primaryDomain) const;

private:
    storage::ConnectionProvider &m_connections;
    const Clock &m_clock;
};

} // namespace ddd::core::acme
