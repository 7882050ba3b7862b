// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/emailaddress.h"

#include <QtTest>

using ddd::core::model::EmailAddress;

class TestEmailAddress final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void validate_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("reason"); // empty: valid
        QTest::newRow("plain") << u"ann@example.com"_qs << QString();
        QTest::newRow("plus and dots") << u"ann.lee+ci@mail.example.org"_qs << QString();
        QTest::newRow("IDN") << u"jürgen@bücher.de"_qs << QString();
        QTest::newRow("hyphenated domain") << u"a@my-host.example"_qs << QString();
        QTest::newRow("254 characters") << QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.' + QString(61, u'd') << QString();
        QTest::newRow("empty") << QString() << u"length"_qs;
        QTest::newRow("255 characters") << QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.' + QString(62, u'd') << u"length"_qs;
        QTest::newRow("no at") << u"ann.example.com"_qs << u"at_sign"_qs;
        QTest::newRow("two ats") << u"ann@x@example.com"_qs << u"at_sign"_qs;
        QTest::newRow("empty local part") << u"@example.com"_qs << u"local_part"_qs;
        QTest::newRow("local part 65") << QString(65, u'a') + u"@example.com"_qs << u"local_part"_qs;
        QTest::newRow("space") << u"ann lee@example.com"_qs << u"local_part"_qs;
        QTest::newRow("quoted") << u"\"ann\"@example.com"_qs << u"local_part"_qs;
        QTest::newRow("angle bracket") << u"ann<x>@example.com"_qs << u"local_part"_qs;
        QTest::newRow("double dot") << u"ann..lee@example.com"_qs << u"local_part"_qs;
        QTest::newRow("control character") << u"ann\u0001@example.com"_qs << u"local_part"_qs;
        QTest::newRow("newline") << u"ann\n@example.com"_qs << u"local_part"_qs;
        QTest::newRow("single-label domain") << u"ann@localhost"_qs << u"domain"_qs;
        QTest::newRow("empty domain") << u"ann@"_qs << u"domain"_qs;
        QTest::newRow("leading dot domain") << u"ann@.example.com"_qs << u"domain"_qs;
        QTest::newRow("double dot domain") << u"ann@example..com"_qs << u"domain"_qs;
        QTest::newRow("hyphen edge") << u"ann@-example.com"_qs << u"domain"_qs;
        QTest::newRow("IP address") << u"ann@127.0.0.1"_qs << u"domain"_qs;
        QTest::newRow("literal") << u"ann@[127.0.0.1]"_qs << u"domain"_qs;
        QTest::newRow("underscore domain") << u"ann@ex_ample.com"_qs << u"domain"_qs;
    }

    void validate()
    {
        QFETCH(QString, email);
        QFETCH(QString, reason);
        const auto status = EmailAddress::validate(email);
        if (reason.isEmpty()) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().details.value(u"reason"_qs).toString()));
            return;
        }
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"user.invalid_email"_qs);
        QCOMPARE(status.error().details.value(u"reason"_qs).toString(), reason);
    }

    void key_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("key");
        QTest::newRow("lower case") << u"Ann@Example.COM"_qs << u"ann@example.com"_qs;
        QTest::newRow("trimmed") << u"  ann@example.com\t"_qs << u"ann@example.com"_qs;
        QTest::newRow("full-width letters") << u"\uff41nn@example.com"_qs << u"ann@example.com"_qs;
        QTest::newRow("decomposed accent") << u"Jo\u0065\u0301l@example.com"_qs << u"jo\u00e9l@example.com"_qs;
    }

    void key()
    {
        QFETCH(QString, email);
        QFETCH(QString, key);
        QCOMPARE(EmailAddress::key(email), key);
    }
};

QTEST_GUILESS_MAIN(TestEmailAddress)
#include "tst_emailaddress.moc"
