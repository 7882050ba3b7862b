// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The dependency rules of docs/architecture.md, checked by reading includes.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

class TestIncludeRules final : public QObject
{
    Q_OBJECT

    struct Include
    {
        QString file;   // relative to the source root
        QString target; // what is included
    };

    static QList<Include> includesUnder(const QString &folder)
    {
        // Built from pieces: moc's preprocessor misreads a directive-like literal.
        static const QRegularExpression pattern(u"^\\s*[#]\\s*include\\s*[<\"]([^>\"]+)[>\"]"_qs,
                                                QRegularExpression::MultilineOption);
        const QDir root(QStringLiteral(DDD_SOURCE_DIR));
        QList<Include> found;
        QDirIterator it(root.filePath(folder), {u"*.h"_qs, u"*.cpp"_qs}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(file.readAll());
            for (const auto &m : pattern.globalMatch(text))
                found.append({root.relativeFilePath(path), m.captured(1)});
        }
        return found;
    }

    static QStringList violations(const QString &folder, const std::function<bool(const Include &)> &forbidden)
    {
        QStringList out;
        for (const Include &inc : includesUnder(folder))
            if (forbidden(inc))
                out << inc.file + u" includes "_qs + inc.target;
        return out;
    }

private slots:
    void coreNeverSeesGuiAgentOrApp()
    {
        const QStringList bad = violations(u"core"_qs, [](const Include &inc) {
            return inc.target.startsWith(u"agent/") || inc.target.startsWith(u"app/") || inc.target.startsWith(u"QtGui")
                || inc.target.startsWith(u"QtWidgets") || inc.target.startsWith(u"boost/")
                || QStringList{u"QWidget"_qs, u"QImage"_qs, u"QPixmap"_qs, u"QGuiApplication"_qs}.contains(inc.target);
        });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    void boostStaysInAgentHttp()
    {
        QStringList bad;
        for (const QString &folder : {u"core"_qs, u"agent"_qs, u"app"_qs})
            bad += violations(folder, [](const Include &inc) {
                return inc.target.startsWith(u"boost/") && !inc.file.startsWith(u"agent/http/");
            });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    void thirdPartyHeadersOnlyInSourceFiles()
    {
        static const QStringList heavy = {u"sqlite3.h"_qs, u"archive.h"_qs, u"archive_entry.h"_qs, u"argon2.h"_qs,
                                          u"toml++/toml.h"_qs, u"zlib.h"_qs};
        QStringList bad;
        for (const QString &folder : {u"core"_qs, u"agent"_qs, u"app"_qs})
            bad += violations(folder, [](const Include &inc) {
                const bool header = inc.file.endsWith(u".h");
                const bool httpHeader = inc.file.startsWith(u"agent/http/");
                return header && (heavy.contains(inc.target) || inc.target.startsWith(u"openssl/")
                                  || inc.target.startsWith(u"brotli/")
                                  || (inc.target.startsWith(u"boost/") && !httpHeader));
            });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // agent/http headers that include Boost are private to agent/http.
    void boostBearingHttpHeadersStayPrivate()
    {
        QSet<QString> privateHeaders;
        for (const Include &inc : includesUnder(u"agent/http"_qs))
            if (inc.file.endsWith(u".h") && inc.target.startsWith(u"boost/"))
                privateHeaders.insert(inc.file);
        QVERIFY(!privateHeaders.isEmpty()); // the scan itself works
        QStringList bad;
        for (const QString &folder : {u"core"_qs, u"agent"_qs, u"app"_qs, u"tests"_qs})
            bad += violations(folder, [&](const Include &inc) {
                return privateHeaders.contains(inc.target) && !inc.file.startsWith(u"agent/http/");
            });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // nghttp2 is the HTTP/2 framing engine of agent/http alone: its header
    // only in that folder's .cpp and private *_p.h files.
    void nghttp2StaysInAgentHttpSources()
    {
        QStringList bad;
        for (const QString &folder : {u"core"_qs, u"agent"_qs, u"app"_qs})
            bad += violations(folder, [](const Include &inc) {
                const bool allowed = inc.file.startsWith(u"agent/http/")
                    && (inc.file.endsWith(u".cpp") || inc.file.endsWith(u"_p.h"));
                return inc.target.startsWith(u"nghttp2/") && !allowed;
            });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    void appUsesOnlyClientSideCore()
    {
        const QStringList bad = violations(u"app"_qs, [](const Include &inc) {
            return inc.target.startsWith(u"core/storage/") || inc.target.startsWith(u"core/deploy/")
                || inc.target.startsWith(u"core/auth/") || inc.target.startsWith(u"agent/");
        });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // ddd is a client like the dashboard, and a command line: no widgets.
    void cliUsesOnlyClientSideCore()
    {
        const QStringList bad = violations(u"cli"_qs, [](const Include &inc) {
            return inc.target.startsWith(u"core/storage/") || inc.target.startsWith(u"core/deploy/")
                || inc.target.startsWith(u"core/auth/") || inc.target.startsWith(u"agent/")
                || inc.target.startsWith(u"app/") || inc.target.startsWith(u"QtWidgets")
                || inc.target.startsWith(u"QtGui") || inc.target.startsWith(u"QWidget");
        });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // QtKeychain belongs to ddd_credentials alone, which ddd_core never links.
    void keychainOnlyInCredentials()
    {
        QStringList bad;
        for (const QString &folder : {u"core"_qs, u"agent"_qs, u"app"_qs, u"cli"_qs})
            bad += violations(folder, [](const Include &inc) {
                return inc.target.startsWith(u"qt6keychain/") && !inc.file.startsWith(u"core/credentials/");
            });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    void controllersNeverSeeBoost()
    {
        QStringList bad;
        for (const QString &folder : {u"agent/api"_qs, u"agent/site"_qs})
            bad += violations(folder, [](const Include &inc) {
                return inc.target.startsWith(u"boost/") || inc.target.startsWith(u"sqlite3")
                    || inc.target.startsWith(u"archive");
            });
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestIncludeRules)
#include "tst_includerules.moc"
