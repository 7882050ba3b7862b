// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/certificatestatus.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace ddd::core::acme {

// Where the certificate manager keeps what it learns: each project's status
// and each obtained pair. One agent keeps them in files under its data root
// (CertificateFiles, which the site listener reads directly); agents sharing
// a database keep them in it (CertificateTable), and each site agent copies
// the pairs to its own disk (CertificateSync).
class CertificateStorage
{
public:
    virtual ~CertificateStorage() = default;

    // Every readable status by project id; an unreadable one is skipped (the
    // project then starts over as pending, which only costs an order). An
    // error when none can be read (the database is out of reach): no pass
    // may then take every project for one without a certificate.
    virtual Result<QHash<qint64, CertificateStatus>> statuses() const = 0;
    virtual std::optional<CertificateStatus> status(qint64 projectId) const = 0;
    virtual Status saveStatus(const CertificateStatus &status) = 0;
    virtual void removeStatus(qint64 projectId) = 0;

    // Readers see the old pair or the new one, never a mix.
    virtual Status installPair(const QString &primaryDomain, const QByteArray &fullchain,
                               const QByteArray &privateKey) = 0;
    virtual Status removePair(const QString &primaryDomain) = 0;
};

} // namespace ddd::core::acme
