// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/pebbleserver.h"

#include "tests/support/commandresult.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace ddd::test {

namespace {

// pebble and challtestsrv take no port 0: ask the kernel for a free port,
// then let it go.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished(5000);
}

} // namespace

PebbleServer::PebbleServer()
    : m_acmePort(freePort()), m_managementPort(freePort()), m_dnsPort(freePort()), m_dnsManagementPort(freePort())
{
    // Made first: the agent's acme.ca_certificates names it before pebble
    // starts (pebble needs the agent's site port).
    const CommandResult tls = CommandResult::run(
        u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs, u"ec_paramgen_curve:P-256"_qs,
                        u"-nodes"_qs, u"-days"_qs, u"2"_qs, u"-subj"_qs, u"/CN=pebble"_qs, u"-addext"_qs,
                        u"subjectAltName=DNS:localhost,IP:127.0.0.1"_qs, u"-keyout"_qs,
                        m_dir.filePath(u"pebble-key.pem"_qs), u"-out"_qs, listenerCaFile()});
    m_listenerCertificate = tls.ok();
}

PebbleServer::~PebbleServer()
{
    stopProcess(m_pebble);
    stopProcess(m_challenges);
}

QString PebbleServer::directoryUrl() const
{
    return u"https://127.0.0.1:%1/dir"_qs.arg(m_acmePort);
}

// Once more after a failed start, with what the two said on record: under
// a loaded ctest -j2 the first start has been seen not to come up.
bool PebbleServer::start(quint16 httpPort)
{
    if (!m_listenerCertificate)
        return false;
    if (launch(httpPort))
        return true;
    qWarning().noquote() << "pebble did not come up; retrying. pebble said:" << m_pebble.readAll()
                         << "challtestsrv said:" << m_challenges.readAll();
    stopProcess(m_pebble);
    stopProcess(m_challenges);
    return launch(httpPort);
}

bool PebbleServer::launch(quint16 httpPort)
{
    const QJsonObject config{{u"pebble"_qs, QJsonObject{
        {u"listenAddress"_qs, u"127.0.0.1:%1"_qs.arg(m_acmePort)},
        {u"managementListenAddress"_qs, u"127.0.0.1:%1"_qs.arg(m_managementPort)},
        {u"certificate"_qs, listenerCaFile()},
        {u"privateKey"_qs, m_dir.filePath(u"pebble-key.pem"_qs)},
        {u"httpPort"_qs, int(httpPort)},
        {u"tlsPort"_qs, int(freePort())},
        {u"ocspResponderURL"_qs, QString()},
        {u"externalAccountBindingRequired"_qs, false},
    }}};
    QFile file(m_dir.filePath(u"pebble.json"_qs));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) <= 0)
        return false;
    file.close();
    m_challenges.setProcessChannelMode(QProcess::MergedChannels);
    m_challenges.start(u"pebble-challtestsrv"_qs,
                       {u"-defaultIPv4"_qs, u"127.0.0.1"_qs, u"-defaultIPv6"_qs, QString(), u"-dns01"_qs,
                        u"127.0.0.1:%1"_qs.arg(m_dnsPort), u"-http01"_qs, QString(), u"-https01"_qs, QString(),
                        u"-tlsalpn01"_qs, QString(), u"-management"_qs, u"127.0.0.1:%1"_qs.arg(m_dnsManagementPort)});
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PEBBLE_VA_NOSLEEP"_qs, u"1"_qs);
    environment.insert(u"PEBBLE_WFE_NONCEREJECT"_qs, u"0"_qs);
    // Orders validate their names again rather than reuse a valid
    // authorization, except 1% of the time per name (pebble's test is
    // `rand.Intn(100) > percent`): a test that needs a challenge to fail
    // uses a name never validated before.
    environment.insert(u"PEBBLE_AUTHZREUSE"_qs, u"0"_qs);
    m_pebble.setProcessEnvironment(environment);
    m_pebble.setProcessChannelMode(QProcess::MergedChannels);
    m_pebble.start(u"pebble"_qs, {u"-config"_qs, file.fileName(), u"-dnsserver"_qs, u"127.0.0.1:%1"_qs.arg(m_dnsPort)});
    return m_challenges.waitForStarted(10000) && m_pebble.waitForStarted(10000) && waitForPort(m_dnsManagementPort)
           && waitForPort(m_acmePort) && waitForPort(m_managementPort);
}

bool PebbleServer::waitForPort(quint16 port) const
{
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(500))
            return true;
        QThread::msleep(100);
    }
    return false;
}

QByteArray PebbleServer::issuingRoot() const
{
    const CommandResult root = CommandResult::run(
        u"curl"_qs, {u"-sSf"_qs, u"--cacert"_qs, listenerCaFile(), u"https://127.0.0.1:%1/roots/0"_qs.arg(m_managementPort)});
    return root.ok() ? root.output.toUtf8() : QByteArray();
}

bool PebbleServer::manage(const QString &command, const QByteArray &json) const
{
    return CommandResult::run(u"curl"_qs, {u"-sSf"_qs, u"-X"_qs, u"POST"_qs, u"--data"_qs, QString::fromUtf8(json),
                                           u"http://127.0.0.1:%1/%2"_qs.arg(m_dnsManagementPort).arg(command)})
        .ok();
}

bool PebbleServer::setAddress(const QString &host, const QString &address) const
{
    return manage(u"add-a"_qs, QJsonDocument(QJsonObject{{u"host"_qs, host + u'.'},
                                                         {u"addresses"_qs, QJsonArray{address}}}).toJson());
}

bool PebbleServer::clearAddress(const QString &host) const
{
    return manage(u"clear-a"_qs, QJsonDocument(QJsonObject{{u"host"_qs, host + u'.'}}).toJson());
}

QString PebbleServer::output()
{
    return QString::fromUtf8(m_pebble.readAll() + m_challenges.readAll());
}

} // namespace ddd::test
