// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/acmesettings.h"
#include "core/acme/certificateinstaller.h"
#include "core/acme/certificatestorage.h"
#include "core/acme/statusstore.h"

namespace ddd::core::acme {

// One agent's certificates: statuses as JSON files under acme/status
// (StatusStore), pairs under certificates/ where the site listener reads
// them (CertificateInstaller).
class CertificateFiles final : public CertificateStorage
{
public:
    explicit CertificateFiles(const AcmeSettings &settings)
        : m_statuses(settings.statusDir()), m_pairs(settings.certificatesDir())
    {
    }

    Result<QHash<qint64, CertificateStatus>> statuses() const override { return m_statuses.loadAll(); }
    std::optional<CertificateStatus> status(qint64 projectId) const override { return m_statuses.load(projectId); }
    Status saveStatus(const CertificateStatus &status) override { return m_statuses.save(status); }
    void removeStatus(qint64 projectId) override { m_statuses.remove(projectId); }
    Status installPair(const QString &primaryDomain, const QByteArray &fullchain,
                       const QByteArray &privateKey) override
    {
        return m_pairs.install(primaryDomain, fullchain, privateKey);
    }
    Status removePair(const QString &primaryDomain) override { return m_pairs.remove(primaryDomain); }

private:
    StatusStore m_statuses;
    CertificateInstaller m_pairs;
};

} // namespace ddd::core::acme
