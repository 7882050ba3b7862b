// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace ddd::core::acme {

// Puts a certificate where the site listener's certificate store reads it:
// <certificates>/<primary domain>/fullchain.pem and privkey.pem (0600).
// A reader sees the old pair or the new one, never a mix: both files are
// written into a temporary sibling directory, flushed, and that directory
// is swapped with the old one in one rename (renameat2 RENAME_EXCHANGE).
class CertificateInstaller final
{
public:
    explicit CertificateInstaller(QString certificatesDir) : m_dir(std::move(certificatesDir)) {}

    // Code io.error when a step fails; the old pair then stays as it was.
    Status install(const QString &primaryDomain, const QByteArray &fullchain, const QByteArray &privateKey) const;
    // Removes a pair the agent installed earlier (a project dropped the domain).
    Status remove(const QString &primaryDomain) const;
    QString directoryOf(const QString &primaryDomain) const { return m_dir + u'/' + primaryDomain; }

private:
    Status writeFile(const QString &path, const QByteArray &content, bool secret) const;
    Status swapInto(const QString &staged, const QString &target) const;

    QString m_dir;
};

} // namespace ddd::core::acme
