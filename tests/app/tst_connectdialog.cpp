// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Connecting to an agent whose certificate the system does not trust: the
// dialog shows the SHA-256 fingerprint and connects only once it is trusted.
#include "app/agentconnection.h"
#include "core/credentials/credentialstore.h"
#include "app/dialogs/connectdialog.h"
#include "core/credentials/filesecretbackend.h"
#include "app/widgets/messagebar.h"
#include "core/client/apitransport.h"
#include "tests/support/jsonfixture.h"
#include "tests/support/stubhttpserver.h"
#include "tests/support/tempdataroot.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSslCertificate>
#include <QSslKey>
#include <QtTest>

using namespace ddd::app;
using namespace ddd::core::credentials;
using ddd::test::JsonFixture;
using ddd::test::StubHttpServer;

namespace {

class MemoryKeychain final : public SecretBackend
{
public:
    QHash<QString, QString> secrets;
    void read(const QString &key, Done done) override { done({Outcome::Ok, secrets.value(key), {}}); }
    void write(const QString &key, const QString &secret, Done done) override
    {
        secrets.insert(key, secret);
        done({Outcome::Ok, {}, {}});
    }
    void remove(const QString &key, Done done) override
    {
        secrets.remove(key);
        done({Outcome::Ok, {}, {}});
    }
};

} // namespace

class TestConnectDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void untrustedCertificateIsShownAndTrustedOnlyWhenTicked()
    {
        const QSslCertificate certificate = QSslCertificate::fromPath(JsonFixture::path(u"tls/stub-server.crt"_qs)).first();
        QFile keyFile(JsonFixture::path(u"tls/stub-server.key"_qs));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        StubHttpServer server;
        QVERIFY(server.listenTls(certificate, QSslKey(&keyFile, QSsl::Rsa)));
        const QJsonObject me = JsonFixture::json(u"api/login.json"_qs)[u"user"_qs].toObject();
        server.on("GET", u"/api/v1/me"_qs, StubHttpServer::Response::json(200, QJsonDocument(me).toJson()));

        ddd::test::TempDataRoot home;
        auto *keychain = new MemoryKeychain;
        CredentialStore credentials(std::unique_ptr<SecretBackend>(keychain),
                                    std::make_unique<FileSecretBackend>(home.file(u"credentials.json"_qs)));
        ConnectDialog dialog(credentials, nullptr);
        dialog.show();
        dialog.findChild<QLineEdit *>(u"agentUrl"_qs)->setText(server.url().toString());
        dialog.findChild<QRadioButton *>(u"useToken"_qs)->setChecked(true);
        dialog.findChild<QLineEdit *>(u"apiToken"_qs)->setText(u" ddd_pasted_token "_qs);
        auto *connect = dialog.findChild<QPushButton *>(u"connectButton"_qs);
        connect->click();

        auto *fingerprint = dialog.findChild<QLabel *>(u"tlsFingerprint"_qs);
        auto *trust = dialog.findChild<QCheckBox *>(u"tlsTrust"_qs);
        const QString expected = ddd::core::client::ApiTransport::fingerprintOf(certificate);
        QTRY_VERIFY(fingerprint->isVisible());
        QVERIFY(fingerprint->text().contains(expected));
        QVERIFY(dialog.findChild<MessageBar *>(u"messageBar"_qs)->text().contains(expected));
        QVERIFY(trust->isVisible() && !trust->isChecked());
        QVERIFY(server.requests().isEmpty());
        QCOMPARE(dialog.result(), 0);

        trust->setChecked(true);
        connect->click();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        AgentConnection *connection = dialog.connection();
        QVERIFY(connection);
        std::unique_ptr<AgentConnection> owned(connection); // handed over without a parent
        QCOMPARE(connection->profile().trustedFingerprint, expected);
        QCOMPARE(connection->state(), AgentConnection::State::SignedIn);
        QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer ddd_pasted_token"));
        QCOMPARE(keychain->secrets.value(connection->profile().credentialKey()), u"ddd_pasted_token"_qs);
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
