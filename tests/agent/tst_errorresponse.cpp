// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/errorresponse.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ddd::agent::http;
using ddd::core::Error;

class TestErrorResponse final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mapsCodesToStatuses_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("exact internal") << u"internal"_qs << 500;
        QTest::newRow("exact unauthenticated") << u"auth.unauthenticated"_qs << 401;
        QTest::newRow("exact invalid token") << u"auth.invalid_token"_qs << 401;
        QTest::newRow("exact invalid credentials beats *.invalid*") << u"auth.invalid_credentials"_qs << 401;
        QTest::newRow("exact rate limited") << u"auth.rate_limited"_qs << 429;
        QTest::newRow("http bad host") << u"http.bad_host"_qs << 400;
        QTest::newRow("http bad framing") << u"http.bad_framing"_qs << 400;
        QTest::newRow("http header timeout") << u"http.header_timeout"_qs << 408;
        QTest::newRow("http body timeout") << u"http.body_timeout"_qs << 408;
        QTest::newRow("http body too large") << u"http.body_too_large"_qs << 413;
        QTest::newRow("http target too long") << u"http.target_too_long"_qs << 414;
        QTest::newRow("http expectation") << u"http.expectation_failed"_qs << 417;
        QTest::newRow("http header too large") << u"http.header_too_large"_qs << 431;
        QTest::newRow("http too many fields") << u"http.too_many_fields"_qs << 431;
        QTest::newRow("http transfer coding") << u"http.unsupported_transfer_coding"_qs << 501;
        QTest::newRow("http version") << u"http.version_not_supported"_qs << 505;
        QTest::newRow("suffix not_found") << u"project.not_found"_qs << 404;
        QTest::newRow("suffix forbidden") << u"project.forbidden"_qs << 403;
        QTest::newRow("suffix conflict") << u"version.conflict"_qs << 409;
        QTest::newRow("suffix _taken") << u"user.email_taken"_qs << 409;
        QTest::newRow("suffix too_large") << u"archive.too_large"_qs << 413;
        QTest::newRow("prefix request.") << u"request.missing_field"_qs << 400;
        QTest::newRow("contains .invalid") << u"project.invalid_name"_qs << 400;
        QTest::newRow("storage beats not_found") << u"storage.not_found"_qs << 500;
        QTest::newRow("storage constraint") << u"storage.constraint"_qs << 500;
        QTest::newRow("storage read-only") << u"storage.read_only"_qs << 503;
        QTest::newRow("storage busy") << u"storage.busy"_qs << 503;
        QTest::newRow("database unreachable") << u"storage.unavailable"_qs << 503;
        QTest::newRow("object storage unreachable") << u"objects.unavailable"_qs << 503;
        QTest::newRow("object storage refused") << u"objects.refused"_qs << 502;
        QTest::newRow("object missing from the bucket") << u"objects.not_found"_qs << 502;
        QTest::newRow("object storage certificate") << u"objects.tls_untrusted"_qs << 502;
        QTest::newRow("storage io error") << u"storage.io_error"_qs << 500;
        QTest::newRow("unknown") << u"mystery.thing"_qs << 500;
        QTest::newRow("archive family") << u"archive.corrupt"_qs << 400;
        QTest::newRow("archive too large") << u"archive.too_large"_qs << 413;
        QTest::newRow("unsupported format") << u"archive.unsupported_format"_qs << 415;
        QTest::newRow("rules family") << u"rules.invalid_redirects"_qs << 422;
        QTest::newRow("rules before *.invalid*") << u"rules.invalid_headers"_qs << 422;
        QTest::newRow("rules before *.too_large") << u"rules.file_too_large"_qs << 422;
        QTest::newRow("registration closed") << u"auth.registration_closed"_qs << 403;
        QTest::newRow("hashing busy") << u"auth.busy"_qs << 503;
        QTest::newRow("not activatable") << u"deploy.not_activatable"_qs << 409;
        QTest::newRow("method") << u"route.method_not_allowed"_qs << 405;
        QTest::newRow("empty") << QString() << 500;
    }

    void mapsCodesToStatuses()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QCOMPARE(statusForErrorCode(code), status);
        QCOMPARE(errorResponse(Error::make(code, u"m"_qs)).status, status);
    }

    void writesTheErrorShape()
    {
        const Response response = errorResponse(
            Error::make(u"project.not_found"_qs, u"no such project"_qs, QJsonObject{{u"id"_qs, 7}}));
        QCOMPARE(response.headers.value("Content-Type"), QByteArray("application/json"));
        const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_qs).toObject();
        QCOMPARE(error.value(u"code"_qs).toString(), u"project.not_found"_qs);
        QCOMPARE(error.value(u"message"_qs).toString(), u"no such project"_qs);
        QCOMPARE(error.value(u"details"_qs).toObject().value(u"id"_qs).toInt(), 7);
    }

    // The documented shape: details is always an object, empty when the
    // error has none, so clients never test for its presence.
    void alwaysCarriesDetails()
    {
        const Response response = errorResponse(Error::make(u"request.bad"_qs, u"bad"_qs));
        const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_qs).toObject();
        QVERIFY(error.value(u"details"_qs).isObject());
        QVERIFY(error.value(u"details"_qs).toObject().isEmpty());
    }

    void hidesInternalsOf500()
    {
        const Response response = errorResponse(Error::make(u"storage.io"_qs, u"disk I/O error at /var/lib/x.db"_qs,
                                                            QJsonObject{{u"sql"_qs, u"SELECT"_qs}}));
        const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_qs).toObject();
        QCOMPARE(response.status, 500);
        QCOMPARE(error.value(u"code"_qs).toString(), u"storage.io"_qs);
        QCOMPARE(error.value(u"message"_qs).toString(), u"internal error"_qs);
        QCOMPARE(error.value(u"details"_qs).toObject(), QJsonObject());
    }

    void challengesEvery401_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("challenge");
        QTest::newRow("unauthenticated") << u"auth.unauthenticated"_qs << QByteArray("Bearer");
        QTest::newRow("invalid credentials") << u"auth.invalid_credentials"_qs << QByteArray("Bearer");
        QTest::newRow("invalid token") << u"auth.invalid_token"_qs << QByteArray("Bearer error=\"invalid_token\"");
    }

    void challengesEvery401()
    {
        QFETCH(QString, code);
        QFETCH(QByteArray, challenge);
        QCOMPARE(errorResponse(Error::make(code, u"no"_qs)).headers.value("WWW-Authenticate"), challenge);
    }

    void retryAfterComesFromDetails_data()
    {
        QTest::addColumn<QJsonValue>("seconds");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("whole") << QJsonValue(42) << QByteArray("42");
        QTest::newRow("fraction rounds up") << QJsonValue(2.1) << QByteArray("3");
        QTest::newRow("zero becomes one") << QJsonValue(0) << QByteArray("1");
        QTest::newRow("missing becomes one") << QJsonValue() << QByteArray("1");
    }

    void retryAfterComesFromDetails()
    {
        QFETCH(QJsonValue, seconds);
        QFETCH(QByteArray, retryAfter);
        QJsonObject details;
        if (!seconds.isNull())
            details.insert(u"retryAfterSeconds"_qs, seconds);
        const Response response = errorResponse(Error::make(u"auth.rate_limited"_qs, u"slow down"_qs, details));
        QCOMPARE(response.status, 429);
        QCOMPARE(response.headers.value("Retry-After"), retryAfter);
    }
};

QTEST_GUILESS_MAIN(TestErrorResponse)
#include "tst_errorresponse.moc"
