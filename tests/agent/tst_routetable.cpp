// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// docs/api.md is the API's contract: every route in agent/api/routes.cpp has
// a row there with the same method, path, access and capability, and no row
// names a route that does not exist.
#include "agent/agent.h"
#include "agent/api/route.h"
#include "tests/support/agentfixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace ddd::agent::api;

class TestRouteTable final : public QObject
{
    Q_OBJECT

    static QString accessName(Access access)
    {
        switch (access) {
        case Access::Public: return u"public"_qs;
        case Access::User: return u"user"_qs;
        case Access::Operator: return u"operator"_qs;
        }
        return {};
    }

    static QStringList documentedRows()
    {
        QFile file(QStringLiteral(DDD_SOURCE_DIR) + u"/docs/api.md"_qs);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        static const QRegularExpression row(u"^\\| (GET|POST|PUT|PATCH|DELETE) \\| `([^`]+)` \\| (\\w+) \\| ([\\w-]+) \\|"_qs,
                                            QRegularExpression::MultilineOption);
        QStringList rows;
        for (const auto &m : row.globalMatch(QString::fromUtf8(file.readAll())))
            rows << m.captured(1) + u' ' + m.captured(2) + u' ' + m.captured(3) + u' ' + m.captured(4);
        return rows;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void docsListEveryRouteExactly()
    {
        ddd::test::AgentFixture fixture;
        QVERIFY(fixture.start());
        QStringList fromCode;
        for (const Route &route : fixture.agent().routes())
            fromCode << QString::fromLatin1(route.method) + u' ' + route.pattern + u' ' + accessName(route.access)
                            + u' ' + (route.capability.isEmpty() ? u"-"_qs : route.capability);
        QStringList fromDocs = documentedRows();
        QVERIFY(fromCode.size() > 10);
        fromCode.sort();
        fromDocs.sort();
        QCOMPARE(fromDocs, fromCode);
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
