// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/serverlimits.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ddd::agent::http {

// How one listener is set up; the API and the sites each get their own.
struct ServerOptions final
{
    QString address = u"127.0.0.1"_qs;
    quint16 port = 0;                    // 0: the system picks one, see Server::port()
    int ioThreads = 2;                   // run the sockets, never block
    int workerThreads = 4;               // run RequestHandler::plan and RequestPlan::respond
    ServerLimits limits;
    QStringList trustedProxies;          // addresses or subnets, see TrustedProxies
    QString tlsCertFile;                 // PEM chain; with tlsKeyFile, the listener speaks TLS only
    QString tlsKeyFile;                  // PEM private key
    // TLS 1.3 only (tls.min_version = "1.3"): refuses the TLS 1.2 clients
    // the modern default still serves with ECDHE and AEAD suites.
    bool tls13Only = false;
    // Sites: with httpsPort set, `port` stays plain HTTP and a second
    // listener on *httpsPort (0: the system picks one) speaks TLS as soon as
    // there is a certificate: tlsCertFile/tlsKeyFile as the default pair and
    // every <name>/fullchain.pem + privkey.pem under certificateDirectory,
    // chosen per host by SNI and re-read by Server::reloadCertificates().
    std::optional<quint16> httpsPort;
    QString certificateDirectory;
    // Runs on each worker thread just before it exits, so per-thread
    // resources (the SQLite connection) are released on their own thread.
    std::function<void()> onWorkerExit;
};

} // namespace ddd::agent::http
