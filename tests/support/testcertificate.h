// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace ddd::test {

// A self-signed P-256 certificate and its key, made by `openssl req` the way
// an operator or an ACME client leaves them: PEM files, the common name to
// tell certificates apart in a test, the DNS names in subjectAltName.
struct TestCertificate
{
    // Writes `certFile` and `keyFile`, creating their folder; false when
    // openssl failed.
    static bool make(const QString &certFile, const QString &keyFile, const QString &commonName,
                     const QStringList &dnsNames = {});
    // The layout the agent reads: <certificatesDir>/<name>/fullchain.pem + privkey.pem.
    static bool install(const QString &certificatesDir, const QString &name, const QStringList &dnsNames);
};

} // namespace ddd::test
