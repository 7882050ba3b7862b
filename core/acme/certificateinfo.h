// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QStringList>

namespace ddd::core::acme {

// What the agent reads from an obtained certificate: the leaf's DNS names and
// validity. Parsed with OpenSSL, whose headers stay in the .cpp.
struct CertificateInfo final
{
    QStringList dnsNames; // subjectAltName DNS entries of the leaf, as written
    qint64 notBeforeMs = 0;
    qint64 notAfterMs = 0;

    // The first certificate of a PEM chain. Code acme.bad_certificate.
    static Result<CertificateInfo> fromPem(const QByteArray &pem);
    // Whether the leaf's DNS names include every one of `names` (exact names;
    // the agent never asks for wildcards).
    bool covers(const QStringList &names) const;
};

} // namespace ddd::core::acme
