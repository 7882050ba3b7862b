// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/errormessages.h"
#include "app/languageloader.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

using namespace ddd::app;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

QList<Message> readCatalogue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Message> messages;
    QString context;
    bool numerus = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(u"numerus"_qs) == u"yes";
            messages.append({context, {}, {}, false});
        } else if (xml.name() == u"source") {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            messages.last().unfinished = xml.attributes().value(u"type"_qs) == u"unfinished";
            if (!numerus)
                messages.last().translations.append(xml.readElementText());
        } else if (xml.name() == u"numerusform") {
            messages.last().translations.append(xml.readElementText());
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_qs);
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(0));
    return found;
}

QString catalogue(const QString &language)
{
    return QStringLiteral(DDD_SOURCE_DIR "/translations/ddd_%1.ts").arg(language);
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void germanIsCompleteAndKeepsEveryPlaceholder()
    {
        const QList<Message> messages = readCatalogue(catalogue(u"de"_qs));
        QVERIFY(messages.size() > 200);
        for (const Message &message : messages) {
            QVERIFY2(!message.unfinished, qPrintable(message.source));
            for (const QString &translation : message.translations) {
                QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(message.source));
                QCOMPARE(placeholders(translation), placeholders(message.source));
            }
        }
    }

    void englishCataloguePluralsEveryCountedMessage()
    {
        for (const Message &message : readCatalogue(catalogue(u"en"_qs))) {
            if (!message.source.contains(u"%n"_qs))
                continue;
            QCOMPARE(message.translations.size(), 2);
            QVERIFY2(!message.translations.first().contains(u"(s)"_qs), qPrintable(message.source));
        }
    }

    void everyErrorMessageHasAGermanText()
    {
        QHash<QString, UserMessage> english;
        for (const QString &code : ErrorMessages::knownCodes())
            english.insert(code, ErrorMessages::describe(ddd::core::Error::make(code, {})));
        LanguageLoader loader(*QCoreApplication::instance());
        QVERIFY(loader.install(u"de"_qs));
        for (const QString &code : ErrorMessages::knownCodes()) {
            const UserMessage german = ErrorMessages::describe(ddd::core::Error::make(code, {}));
            QVERIFY2(german.what != english.value(code).what, qPrintable(code));
            QVERIFY2(german.next.isEmpty() || german.next != english.value(code).next, qPrintable(code));
        }
    }

    void embeddedGermanCatalogueTranslatesTheWindow()
    {
        LanguageLoader loader(*QCoreApplication::instance());
        QVERIFY(loader.install(u"de"_qs));
        QCOMPARE(QCoreApplication::translate("ddd::app::MainWindow", "&Help"), u"&Hilfe"_qs);
        const UserMessage message = ErrorMessages::describe(ddd::core::Error::make(u"deploy.is_live"_qs, {}));
        QCOMPARE(message.what, u"Die Live-Version kann nicht gelöscht werden."_qs);
        QCOMPARE(QCoreApplication::translate("ddd::app::DiffTree", "Added (%n file(s))", nullptr, 1),
                 u"Hinzugefügt (1 Datei)"_qs);
    }

    // Qt's own texts (dialog buttons, the file dialog) come from qtbase_de,
    // loaded beside the app's catalogue (Debian: qt6-translations-l10n).
    void qtsOwnButtonsAreGermanToo()
    {
        LanguageLoader loader(*QCoreApplication::instance());
        QVERIFY(loader.install(u"de"_qs));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_qs);
        QCOMPARE(QCoreApplication::translate("QFileDialog", "Look in:"), u"Suchen in:"_qs);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
