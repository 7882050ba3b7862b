// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Takes the screenshots in docs/screenshots: the real widgets at the default
// window size, fed by a real agent in-process (ScreenshotScene: its history is
// made through the API; only the build engine is a stand-in). Run under Xvfb:
//   xvfb-run -s '-screen 0 1280x800x24' build/tests/app/dashboard-screenshots docs/screenshots
#include "app/appsettings.h"
#include "core/credentials/credentialstore.h"
#include "app/dashboardactions.h"
#include "app/dialogs/deploydialog.h"
#include "app/dialogs/webhookdialog.h"
#include "app/pages/webhookspage.h"
#include "core/credentials/filesecretbackend.h"
#include "app/languageloader.h"
#include "app/mainwindow.h"
#include "app/pendinguploads.h"
#include "core/client/apiclient.h"
#include "tests/app/screenshotscene.h"
#include "tests/support/tempdataroot.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableWidget>
#include <QTableView>
#include <QTest>

using namespace ddd::app;
using ddd::test::ScreenshotScene;
using namespace ddd::core::credentials;

namespace {

// Tokens in memory: screenshots show the normal case, a working keychain.
class MemoryKeychain final : public SecretBackend
{
public:
    QHash<QString, QString> secrets;
    void read(const QString &key, Done done) override
    {
        done(secrets.contains(key) ? Answer{Outcome::Ok, secrets.value(key), {}} : Answer{Outcome::NotFound, {}, {}});
    }
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

bool save(QWidget *widget, const QString &directory, const QString &name)
{
    QTest::qWait(300); // let layouts and fonts settle before grabbing
    const QString path = directory + u'/' + name + u".png"_qs;
    const bool saved = widget->grab().save(path);
    qInfo().noquote() << (saved ? "wrote" : "FAILED") << path;
    return saved;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
}

// A small site whose index.html and stylesheet differ from the live version.
QString makeSite(const ddd::test::TempDataRoot &root)
{
    const QString site = root.file(u"marketing-site"_qs);
    writeFile(site + u"/index.html"_qs, "<!doctype html><title>Spring sale</title><h1>Spring sale</h1>");
    writeFile(site + u"/css/site.css"_qs, "body{font-family:sans-serif;margin:0 auto;max-width:60em}");
    writeFile(site + u"/js/app.js"_qs, "document.querySelector('h1').textContent += '!';");
    writeFile(site + u"/img/hero.svg"_qs, QByteArray(18000, ' ') + "<svg/>");
    writeFile(site + u"/.env"_qs, "API_KEY=not-for-the-web");
    return site;
}

// A Hugo source: the deploy dialog shows what the agent will run.
QString makeHugoSource(const ddd::test::TempDataRoot &root)
{
    const QString site = root.file(u"spring-sale-source"_qs);
    writeFile(site + u"/hugo.toml"_qs, "baseURL = 'https://www.example.com/'\ntitle = 'Spring sale'\ntheme = 'ananke'\n");
    writeFile(site + u"/content/_index.md"_qs, "---\ntitle: Spring sale\n---\nEverything must go.\n");
    writeFile(site + u"/content/posts/opening.md"_qs, "---\ntitle: Opening hours\n---\nMonday to Saturday.\n");
    writeFile(site + u"/layouts/_default/baseof.html"_qs, "<!doctype html><main>{{ block \"main\" . }}{{ end }}</main>");
    return site;
}

QString makeBrokenSite(const ddd::test::TempDataRoot &root)
{
    const QString site = root.file(u"broken-site"_qs);
    writeFile(site + u"/Index.html"_qs, "<h1>upper</h1>");
    writeFile(site + u"/index.html"_qs, "<h1>lower</h1>");
    writeFile(site + u"/old\\about.html"_qs, "<h1>saved on Windows</h1>");
    QFile::link(u"/etc/hostname"_qs, site + u"/hostname"_qs);
    return site;
}

bool shootShareLinkDialog(const QString &out, MainWindow &window)
{
    window.findChild<QPushButton *>(u"settingsCreateShareLink"_qs)->click();
    auto *dialog = window.findChild<QDialog *>(u"shareLinkDialog"_qs);
    if (!dialog)
        return false;
    dialog->findChild<QComboBox *>(u"shareLifetime"_qs)->setCurrentIndex(2);
    dialog->findChild<QPushButton *>(u"shareCreate"_qs)->click();
    auto *link = dialog->findChild<QLineEdit *>(u"shareUrl"_qs);
    const bool ok = QTest::qWaitFor([link] { return !link->text().isEmpty(); }, 10000) && save(dialog, out, u"share-link"_qs);
    dialog->close();
    return ok;
}

// The Build group sits below the protection boxes: scroll it into view.
bool shootBuildSettings(const QString &out, MainWindow &window, const QString &suffix)
{
    auto *box = window.findChild<QWidget *>(u"settingsBuild"_qs);
    auto *scroll = window.findChild<QWidget *>(u"settingsPage"_qs)->findChild<QScrollArea *>();
    if (!box || !scroll)
        return false;
    scroll->ensureWidgetVisible(box, 0, 0);
    return save(&window, out, u"project-settings-build"_qs + suffix);
}

// The Webhooks tab with its delivery log, and (once) the secret shown at creation.
bool shootWebhooks(const QString &out, MainWindow &window, const QString &suffix)
{
    auto *page = window.findChild<WebhooksPage *>(u"webhooksPage"_qs);
    window.findChild<QTabWidget *>(u"projectTabs"_qs)->setCurrentWidget(page);
    QTableWidget *log = page->deliveriesTable();
    bool ok = QTest::qWaitFor([log] { return log->rowCount() >= 4; }, 10000);
    ok = save(&window, out, u"webhooks"_qs + suffix) && ok;
    if (!suffix.isEmpty())
        return ok;
    page->add();
    WebhookDialog *dialog = page->addDialog();
    dialog->findChild<QLineEdit *>(u"webhookUrl"_qs)->setText(u"http://127.0.0.1:9/hooks/chat"_qs);
    dialog->findChild<QPushButton *>(u"webhookAdd"_qs)->click();
    ok = QTest::qWaitFor([dialog] { return !dialog->shownSecret().isEmpty(); }, 10000) && ok;
    ok = save(dialog, out, u"webhook-secret"_qs) && ok;
    dialog->close();
    return ok;
}

bool shootMainViews(const QString &out, ScreenshotScene &agent, const QString &suffix)
{
    ddd::test::TempDataRoot home;
    AppSettings settings(home.file(u"dashboard.ini"_qs));
    auto *keychain = new MemoryKeychain;
    CredentialStore credentials(std::unique_ptr<SecretBackend>(keychain),
                                std::make_unique<FileSecretBackend>(home.file(u"credentials.json"_qs)));
    {
        MainWindow empty(settings, credentials); // its own default size
        empty.show();
        if (!save(&empty, out, u"welcome"_qs + suffix))
            return false;
    }
    AgentProfile profile = AgentProfile::create(agent.apiUrl());
    profile.email = ScreenshotScene::email();
    profile.siteUrl = agent.sitesUrl();
    settings.setAgents({profile});
    keychain->secrets.insert(profile.credentialKey(), agent.token());
    MainWindow window(settings, credentials); // the default size, as a new user sees it
    window.show();
    window.restoreAgents();
    auto *versions = window.findChild<QTableView *>(u"versionsTable"_qs);
    if (!QTest::qWaitFor([versions] { return versions->model()->rowCount() > 0; }, 10000))
        return false;
    versions->selectRow(1);
    bool ok = save(&window, out, u"projects-and-versions"_qs + suffix);
    window.actions().showSettings->trigger();
    ok = save(&window, out, u"project-settings"_qs + suffix) && ok;
    ok = shootBuildSettings(out, window, suffix) && ok;
    if (suffix.isEmpty())
        ok = shootShareLinkDialog(out, window) && ok;
    window.actions().showBuilds->trigger();
    auto *log = window.findChild<QPlainTextEdit *>(u"buildLogText"_qs);
    ok = QTest::qWaitFor([log] { return log->toPlainText().contains(u"Static files"_qs); }, 10000) && ok;
    ok = save(&window, out, u"builds"_qs + suffix) && ok;
    window.actions().showActivity->trigger();
    auto *activity = window.findChild<QTableView *>(u"activityTable"_qs);
    ok = QTest::qWaitFor([activity] { return activity->model()->rowCount() > 5; }, 10000) && ok;
    ok = save(&window, out, u"activity"_qs + suffix) && ok;
    return shootWebhooks(out, window, suffix) && ok;
}

bool shootConnectDialog(const QString &out)
{
    ddd::test::TempDataRoot home;
    AppSettings settings(home.file(u"dashboard.ini"_qs));
    CredentialStore credentials(std::make_unique<MemoryKeychain>(),
                                std::make_unique<FileSecretBackend>(home.file(u"credentials.json"_qs)));
    MainWindow window(settings, credentials);
    window.resize(1100, 680);
    window.show();
    window.actions().connectAgent->trigger();
    auto *dialog = window.findChild<QWidget *>(u"connectDialog"_qs);
    dialog->findChild<QLineEdit *>(u"agentUrl"_qs)->setText(u"https://deploy.example.com:8443"_qs);
    dialog->findChild<QLineEdit *>(u"siteUrl"_qs)->setText(u"https://example.com"_qs);
    dialog->findChild<QLineEdit *>(u"email"_qs)->setText(ScreenshotScene::email());
    dialog->findChild<QLineEdit *>(u"password"_qs)->setText(u"a long passphrase"_qs);
    return save(dialog, out, u"connect"_qs);
}

bool shootDeployDialog(const QString &out, ScreenshotScene &agent, const QString &site, const QString &name,
                       bool upload)
{
    ddd::test::TempDataRoot home;
    AppSettings settings(home.file(u"dashboard.ini"_qs));
    PendingUploads pending(settings);
    ddd::core::client::ApiClient api(agent.apiUrl());
    api.setToken(agent.token());
    const auto project = agent.project();
    if (!project)
        return false;
    DeployDialog dialog({&api, u"agent"_qs, *project, agent.liveVersion(), QUrl(u"https://www.example.com/"_qs)},
                        site, pending);
    dialog.show();
    dialog.start();
    auto *goLive = dialog.findChild<QPushButton *>(u"goLiveButton"_qs);
    if (!QTest::qWaitFor([&dialog] { return dialog.findChild<QWidget *>(u"deploySummary"_qs)->isVisible(); }, 10000))
        return false;
    bool ok = save(&dialog, out, name);
    if (upload && goLive->isEnabled()) {
        goLive->click();
        auto *result = dialog.findChild<QWidget *>(u"deployResult"_qs);
        ok = QTest::qWaitFor([result] { return result->isVisible(); }, 10000) && save(&dialog, out, name + u"-done"_qs)
            && ok;
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_qs));
    QApplication::setOrganizationName(u"DragDropDeploy"_qs);
    QApplication::setApplicationName(u"ddd-dashboard-screenshots"_qs);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = application.arguments().value(1, u"."_qs);
    QDir().mkpath(out);
    ScreenshotScene agent;
    if (!agent.start())
        return 2;
    std::optional<LanguageLoader> language(std::in_place, application);
    language->install(u"en"_qs);
    ddd::test::TempDataRoot sites;
    bool ok = shootMainViews(out, agent, QString());
    ok = shootConnectDialog(out) && ok;
    language.emplace(application); // the English catalogue goes first
    language->install(u"de"_qs);
    ok = shootMainViews(out, agent, u"-de"_qs) && ok;
    language.emplace(application);
    language->install(u"en"_qs);
    // Last: the upload adds a version the main views above do not show.
    ok = shootDeployDialog(out, agent, makeBrokenSite(sites), u"deploy-blocked"_qs, false) && ok;
    ok = shootDeployDialog(out, agent, makeHugoSource(sites), u"deploy-source"_qs, false) && ok;
    ok = shootDeployDialog(out, agent, makeSite(sites), u"deploy-report"_qs, true) && ok;
    return ok ? 0 : 1;
}
