// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/buildsettingsbox.h"

#include "app/buildsettingsrefusal.h"
#include "app/statuspalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ddd::app {

using core::client::ProjectPatch;
using core::client::RemoteProject;

namespace {

const QString DefaultBranch = u"main"_qs;

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

// The script and folder matter only where npm may build: chosen, or detected.
bool npmMayBuild(const QString &generator)
{
    return generator == u"npm" || generator == u"auto";
}

} // namespace

BuildSettingsBox::BuildSettingsBox(QWidget *parent)
    : QGroupBox(tr("Build"), parent),
      m_form(new QFormLayout(this)),
      m_generator(new QComboBox(this)),
      m_npmScript(lineEdit(this, u"settingsBuildNpmScript"_qs, u"build"_qs)),
      m_outputDir(lineEdit(this, u"settingsBuildOutputDir"_qs, tr("the framework's own (dist, _site, out…)"))),
      m_publish(new QCheckBox(tr("Publish builds automatically"), this)),
      m_optOutMinify(new QCheckBox(tr("Do not minify HTML, CSS and JavaScript"), this)),
      m_buildFlags(lineEdit(this, u"settingsBuildFlags"_qs, tr("--flag --other=value (only flags the operator allows)"))),
      m_gitUrl(lineEdit(this, u"settingsGitUrl"_qs, tr("https://git.example.com/team/site.git (optional)"))),
      m_gitBranch(lineEdit(this, u"settingsGitBranch"_qs, DefaultBranch))
{
    setObjectName(u"settingsBuild"_qs);
    m_generator->setObjectName(u"settingsBuildGenerator"_qs);
    m_generator->addItem(tr("Detect from the source"), u"auto"_qs);
    m_generator->addItem(tr("Plain files (no build)"), u"plain"_qs);
    m_generator->addItem(u"Hugo"_qs, u"hugo"_qs);
    m_generator->addItem(u"Jekyll"_qs, u"jekyll"_qs);
    m_generator->addItem(u"MkDocs"_qs, u"mkdocs"_qs);
    m_generator->addItem(u"npm"_qs, u"npm"_qs);
    m_publish->setObjectName(u"settingsBuildPublish"_qs);
    m_optOutMinify->setObjectName(u"settingsOptOutMinify"_qs);
    m_publish->setToolTip(tr("A finished build's version goes live unless the build was started otherwise."));
    m_outputDir->setToolTip(tr("The folder the npm script writes the site to, relative to the project."));
    m_gitUrl->setToolTip(tr("A public repository the agent clones for \"Build from Git\" on the Builds tab."));
    addRows();
    connect(m_generator, &QComboBox::currentIndexChanged, this, &BuildSettingsBox::updateRows);
    for (QLineEdit *edit : {m_npmScript, m_outputDir, m_buildFlags, m_gitUrl, m_gitBranch})
        connect(edit, &QLineEdit::textEdited, this, &BuildSettingsBox::clearRefusals);
    for (QLineEdit *edit : {m_npmScript, m_outputDir, m_buildFlags, m_gitUrl, m_gitBranch})
        connect(edit, &QLineEdit::textChanged, this, &BuildSettingsBox::changed);
    for (QCheckBox *check : {m_publish, m_optOutMinify})
        connect(check, &QCheckBox::toggled, this, &BuildSettingsBox::changed);
    connect(m_generator, &QComboBox::currentIndexChanged, this, &BuildSettingsBox::changed);
}

void BuildSettingsBox::addRows()
{
    const auto addRow = [this](const QString &text, QWidget *field, const QString &key) {
        QWidget *row = withRefusal(field, key);
        if (text.isEmpty())
            return m_form->addRow(QString(), row);
        auto *label = new QLabel(text, this);
        label->setBuddy(field); // the mnemonic reaches the field, not its container
        m_form->addRow(label, row);
    };
    addRow(tr("&Generator:"), m_generator, u"generator"_qs);
    addRow(tr("npm scrip&t:"), m_npmScript, u"npmScript"_qs);
    addRow(tr("&Output folder:"), m_outputDir, u"outputDir"_qs);
    addRow(QString(), m_publish, u"publishAutomatically"_qs);
    addRow(QString(), m_optOutMinify, u"optOutMinify"_qs);
    addRow(tr("&Build flags:"), m_buildFlags, u"buildFlags"_qs);
    addRow(tr("Git repos&itory:"), m_gitUrl, u"git.url"_qs);
    addRow(tr("Git bran&ch:"), m_gitBranch, u"git.branch"_qs);
}

// A field with the agent's refusal right under it, hidden until there is one.
QWidget *BuildSettingsBox::withRefusal(QWidget *field, const QString &key)
{
    auto *row = new QWidget(this);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    field->setParent(row);
    layout->addWidget(field);
    auto *refusal = new QLabel(row);
    refusal->setObjectName(u"settingsRefusal."_qs + key);
    refusal->setWordWrap(true);
    QPalette palette = refusal->palette();
    palette.setColor(QPalette::WindowText, StatusPalette::color(StatusPalette::Level::Problem));
    refusal->setPalette(palette);
    refusal->hide();
    layout->addWidget(refusal);
    m_rows.insert(key, row);
    m_refusals.insert(key, refusal);
    return row;
}

void BuildSettingsBox::setSettings(const RemoteProject::Settings &settings)
{
    const RemoteProject::BuildSettings build = settings.build.value_or(RemoteProject::BuildSettings());
    const RemoteProject::GitSource git = build.git.value_or(RemoteProject::GitSource());
    m_hasBuild = settings.build.has_value();
    m_hasGit = m_hasBuild && build.git.has_value();
    const QSignalBlocker blockGenerator(m_generator);
    m_generator->setCurrentIndex(qMax(0, m_generator->findData(build.generator)));
    m_npmScript->setText(build.npmScript);
    m_outputDir->setText(build.outputDir);
    m_publish->setChecked(build.publishAutomatically);
    m_optOutMinify->setChecked(settings.optOutMinify);
    m_buildFlags->setText(settings.buildFlags.join(u' '));
    m_gitUrl->setText(git.url);
    m_gitBranch->setText(git.branch);
    clearRefusals();
    updateRows();
}

void BuildSettingsBox::updateRows()
{
    const bool npm = m_hasBuild && npmMayBuild(generator());
    m_form->setRowVisible(m_rows.value(u"generator"_qs), m_hasBuild);
    m_form->setRowVisible(m_rows.value(u"npmScript"_qs), npm);
    m_form->setRowVisible(m_rows.value(u"outputDir"_qs), npm);
    m_form->setRowVisible(m_rows.value(u"publishAutomatically"_qs), m_hasBuild);
    m_form->setRowVisible(m_rows.value(u"git.url"_qs), m_hasGit);
    m_form->setRowVisible(m_rows.value(u"git.branch"_qs), m_hasGit);
}

void BuildSettingsBox::addChanges(ProjectPatch &patch, const RemoteProject::Settings &stored) const
{
    if (m_optOutMinify->isChecked() != stored.optOutMinify)
        patch.optOutMinify = m_optOutMinify->isChecked();
    if (buildFlags() != stored.buildFlags)
        patch.buildFlags = buildFlags();
    if (stored.build)
        patch.build = buildChanges(*stored.build);
}

std::optional<ProjectPatch::Build> BuildSettingsBox::buildChanges(const RemoteProject::BuildSettings &stored) const
{
    ProjectPatch::Build build;
    if (generator() != stored.generator)
        build.generator = generator();
    // An empty script field means the agent's default, which is what "build" is.
    const QString script = m_npmScript->text().trimmed().isEmpty() ? u"build"_qs : m_npmScript->text().trimmed();
    if (script != stored.npmScript)
        build.npmScript = script;
    if (m_outputDir->text().trimmed() != stored.outputDir)
        build.outputDir = m_outputDir->text().trimmed();
    if (m_publish->isChecked() != stored.publishAutomatically)
        build.publishAutomatically = m_publish->isChecked();
    if (stored.git) {
        const QString branch = m_gitBranch->text().trimmed();
        const RemoteProject::GitSource git{m_gitUrl->text().trimmed(), branch.isEmpty() ? DefaultBranch : branch};
        if (git != *stored.git)
            build.git = git;
    }
    if (build.isEmpty())
        return std::nullopt;
    return build;
}

bool BuildSettingsBox::showRefusal(const core::Error &error)
{
    clearRefusals();
    const std::optional<BuildSettingsRefusal> refusal = BuildSettingsRefusal::from(error);
    QLabel *label = refusal ? m_refusals.value(refusal->field) : nullptr;
    if (!label || !m_rows.value(refusal->field)->isVisibleTo(this))
        return false;
    label->setText(refusal->text);
    label->show();
    return true;
}

void BuildSettingsBox::clearRefusals()
{
    for (QLabel *label : std::as_const(m_refusals))
        label->hide();
}

QStringList BuildSettingsBox::buildFlags() const
{
    static const QRegularExpression whitespace(u"\\s+"_qs);
    return m_buildFlags->text().split(whitespace, Qt::SkipEmptyParts);
}

QString BuildSettingsBox::generator() const
{
    return m_generator->currentData().toString();
}

} // namespace ddd::app
