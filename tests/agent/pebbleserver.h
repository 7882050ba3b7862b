// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace ddd::test {

// Debian's pebble (an ACME test CA) and pebble-challtestsrv (its DNS) on
// loopback, for the end-to-end certificate tests. pebble validates HTTP-01
// on `httpPort` of whatever address challtestsrv answers for a name:
// 127.0.0.1 by default, so the agent's site listener answers the challenges.
class PebbleServer final
{
public:
    PebbleServer();
    ~PebbleServer();

    // Starts both with a fresh TLS certificate for pebble's own listener and
    // waits until they listen. `httpPort`: the agent's plain site port.
    bool start(quint16 httpPort);
    QString directoryUrl() const;
    // The PEM of pebble's listener certificate: acme.ca_certificates.
    QString listenerCaFile() const { return m_dir.filePath(u"pebble-cert.pem"_qs); }
    // The root of the chains pebble issues (management API, /roots/0).
    QByteArray issuingRoot() const;
    // challtestsrv answers A queries for `host` with `address` from now on.
    bool setAddress(const QString &host, const QString &address) const;
    bool clearAddress(const QString &host) const;
    QString output();

private:
    bool launch(quint16 httpPort);
    bool waitForPort(quint16 port) const;
    bool manage(const QString &command, const QByteArray &json) const;

    QTemporaryDir m_dir;
    bool m_listenerCertificate = false;
    quint16 m_acmePort = 0;
    quint16 m_managementPort = 0;
    quint16 m_dnsPort = 0;
    quint16 m_dnsManagementPort = 0;
    QProcess m_pebble;
    QProcess m_challenges;
};

} // namespace ddd::test
