// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/httpssettingsbox.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace ddd::app {

using core::client::ProjectPatch;
using core::client::RemoteProject;

namespace {

constexpr qint64 SecondsPerDay = 86400;
constexpr int MaxDays = 730;       // the agent's limit: two years
constexpr int PreloadMinDays = 365; // preload lists ask for a year

} // namespace

HttpsSettingsBox::HttpsSettingsBox(QWidget *parent)
    : QGroupBox(tr("HTTPS"), parent),
      m_redirect(new QCheckBox(tr("Redirect plain HTTP to HTTPS"), this)),
      m_hsts(new QCheckBox(tr("Tell browsers to use HTTPS only (HSTS)"), this)),
      m_maxAgeDays(new QSpinBox(this)),
      m_includeSubDomains(new QCheckBox(tr("Also for every subdomain"), this)),
      m_preload(new QCheckBox(tr("Allow browsers' preload lists"), this)),
      m_refusal(new QLabel(this))
{
    setObjectName(u"settingsHttps"_qs);
    m_redirect->setObjectName(u"settingsHttpsRedirect"_qs);
    m_hsts->setObjectName(u"settingsHsts"_qs);
    m_maxAgeDays->setObjectName(u"settingsHstsDays"_qs);
    m_includeSubDomains->setObjectName(u"settingsHstsSubdomains"_qs);
    m_preload->setObjectName(u"settingsHstsPreload"_qs);
    m_refusal->setObjectName(u"settingsHttpsRefusal"_qs);
    m_refusal->setWordWrap(true);
    m_refusal->hide();
    m_maxAgeDays->setRange(0, MaxDays);
    m_maxAgeDays->setSuffix(tr(" days"));
    m_redirect->setToolTip(tr("Visitors of the domain and its aliases over http:// are sent to https://."));
    m_hsts->setToolTip(tr("Browsers that saw it refuse plain HTTP for this long; hard to undo, so start short."));
    m_preload->setToolTip(tr("Needs every subdomain and at least %1 days.").arg(PreloadMinDays));
    auto *form = new QFormLayout(this);
    form->addRow(m_redirect);
    form->addRow(m_hsts);
    form->addRow(tr("Remembered for"), m_maxAgeDays);
    form->addRow(m_includeSubDomains);
    form->addRow(m_preload);
    form->addRow(m_refusal);
    for (QCheckBox *check : {m_redirect, m_hsts, m_includeSubDomains, m_preload})
        connect(check, &QCheckBox::toggled, this, [this] {
            m_refusal->hide();
            updateRows();
            emit changed();
        });
    connect(m_maxAgeDays, &QSpinBox::valueChanged, this, &HttpsSettingsBox::changed);
}

void HttpsSettingsBox::setSettings(const RemoteProject::Settings &settings)
{
    const RemoteProject::HttpsSettings https = settings.https.value_or(RemoteProject::HttpsSettings());
    // "A setting that does nothing is a defect": no box without HTTPS, unless
    // something is on and must be turnable off.
    m_offered = settings.https && (https.available || https.redirect || https.hstsEnabled);
    setVisible(m_offered);
    m_storedMaxAge = https.hstsMaxAge;
    m_redirect->setChecked(https.redirect);
    m_hsts->setChecked(https.hstsEnabled);
    m_maxAgeDays->setValue(int(https.hstsMaxAge / SecondsPerDay));
    m_includeSubDomains->setChecked(https.hstsIncludeSubDomains);
    m_preload->setChecked(https.hstsPreload);
    m_refusal->hide();
    updateRows();
}

void HttpsSettingsBox::updateRows()
{
    for (QWidget *row : {static_cast<QWidget *>(m_maxAgeDays), static_cast<QWidget *>(m_includeSubDomains),
                         static_cast<QWidget *>(m_preload)})
        row->setEnabled(m_hsts->isChecked());
}

ProjectPatch::Https HttpsSettingsBox::shown() const
{
    const bool daysKept = m_maxAgeDays->value() == int(m_storedMaxAge / SecondsPerDay);
    return ProjectPatch::Https{m_redirect->isChecked(), m_hsts->isChecked(),
                               daysKept ? m_storedMaxAge : m_maxAgeDays->value() * SecondsPerDay,
                               m_includeSubDomains->isChecked(), m_preload->isChecked()};
}

void HttpsSettingsBox::addChanges(ProjectPatch &patch, const RemoteProject::Settings &stored) const
{
    if (!stored.https || !m_offered)
        return;
    const RemoteProject::HttpsSettings &was = *stored.https;
    const ProjectPatch::Https now = shown();
    if (now.redirect != was.redirect || now.hstsEnabled != was.hstsEnabled || now.hstsMaxAge != was.hstsMaxAge
        || now.hstsIncludeSubDomains != was.hstsIncludeSubDomains || now.hstsPreload != was.hstsPreload)
        patch.https = now;
}

bool HttpsSettingsBox::showRefusal(const core::Error &error)
{
    QString text;
    if (error.code == u"project.https_unavailable"_qs)
        text = tr("The agent has no certificate for sites yet, so HTTPS cannot be turned on.");
    else if (error.code == u"project.invalid_hsts_preload"_qs)
        text = tr("Preload needs \"every subdomain\" and at least %1 days.").arg(PreloadMinDays);
    else if (error.code == u"project.invalid_settings"_qs
             && error.details.value(u"field"_qs).toString().startsWith(u"https"_qs))
        text = error.message;
    if (text.isEmpty())
        return false;
    m_refusal->setText(text);
    m_refusal->show();
    return true;
}

} // namespace ddd::app
