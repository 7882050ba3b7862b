// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/certificatestatus.h"
#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <optional>

namespace ddd::core::acme {

// The certificate statuses on disk: one small JSON file per project,
// <dir>/project-<id>.json, written whole with QSaveFile (a crash leaves the
// old file or the new one). A few files an operator can read with cat.
class StatusStore final
{
public:
    explicit StatusStore(QString dir) : m_dir(std::move(dir)) {}

    // Every readable status by project id; unreadable files are skipped (the
    // project then starts over as pending, which only costs an order).
    QHash<qint64, CertificateStatus> loadAll() const;
    std::optional<CertificateStatus> load(qint64 projectId) const;
    Status save(const CertificateStatus &status) const;
    void remove(qint64 projectId) const;

private:
    QString fileOf(qint64 projectId) const;

    QString m_dir;
};

} // namespace ddd::core::acme
