// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/addresspanel.h"

#include "app/agentprofile.h"
#include "app/certificatetext.h"
#include "app/displayformat.h"
#include "app/siteaddresses.h"
#include "app/siteprotection.h"
#include "core/client/remotecertificate.h"
#include "core/client/remoteproject.h"
#include "core/model/version.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace ddd::app {

AddressPanel::AddressPanel(QWidget *parent) : QGroupBox(tr("Site"), parent)
{
    setObjectName(u"addressPanel"_qs);
    auto *grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);
    m_liveRow = addAddressRow(grid, 0, tr("Live:"), u"Live"_qs, &m_live);
    m_stagingRow = addAddressRow(grid, 1, tr("Staging:"), u"Staging"_qs, &m_staging);
    m_previewRow = addAddressRow(grid, 2, QString(), u"Preview"_qs, &m_preview);
    m_aliases = addTextRow(grid, 3, tr("Aliases:"), u"addressAliases"_qs);
    m_aliasesLabel = qobject_cast<QLabel *>(grid->itemAtPosition(3, 0)->widget());
    m_protection = addTextRow(grid, 4, tr("Visitors:"), u"addressProtection"_qs);
    m_certificate = addTextRow(grid, 5, tr("HTTPS:"), u"addressCertificate"_qs);
    m_certificateLabel = qobject_cast<QLabel *>(grid->itemAtPosition(5, 0)->widget());
    setSite(nullptr, {});
}

AddressPanel::Row AddressPanel::addAddressRow(QGridLayout *grid, int row, const QString &label, const QString &name,
                                              const QUrl *target)
{
    Row built{new QLabel(label, this), new QLabel(this), new QPushButton(tr("Open"), this),
              new QPushButton(tr("Copy"), this)};
    built.address->setObjectName(u"address"_qs + name);
    built.address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    built.open->setObjectName(u"addressOpen"_qs + name);
    built.copy->setObjectName(u"addressCopy"_qs + name);
    grid->addWidget(built.label, row, 0);
    grid->addWidget(built.address, row, 1);
    grid->addWidget(built.open, row, 2);
    grid->addWidget(built.copy, row, 3);
    connect(built.open, &QPushButton::clicked, this, [this, target] { emit openRequested(*target); });
    connect(built.copy, &QPushButton::clicked, this, [this, target] { emit copyRequested(*target); });
    return built;
}

QLabel *AddressPanel::addTextRow(QGridLayout *grid, int row, const QString &label, const QString &name)
{
    auto *text = new QLabel(this);
    text->setObjectName(name);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(new QLabel(label, this), row, 0, Qt::AlignTop);
    grid->addWidget(text, row, 1, 1, 3);
    return text;
}

void AddressPanel::showAddress(Row &row, const QUrl &address, const QString &missing)
{
    row.address->setText(address.isEmpty() ? missing : address.toString());
    row.address->setEnabled(!address.isEmpty());
    row.open->setVisible(!address.isEmpty());
    row.copy->setVisible(!address.isEmpty());
}

void AddressPanel::setSite(const core::client::RemoteProject *project, const AgentProfile &profile)
{
    m_live = project ? SiteAddresses::production(*project, profile) : QUrl();
    m_staging = project ? SiteAddresses::staging(*project, profile) : QUrl();
    showAddress(m_liveRow, m_live, project ? tr("No domain yet: set one in Settings to go live on it.") : QString());
    showAddress(m_stagingRow, m_staging, QString());
    const QStringList aliases = project ? project->aliases.value_or(QStringList()) : QStringList();
    m_aliases->setText(tr("%1 (redirect to the live address)").arg(aliases.join(u", "_qs)));
    m_aliases->setVisible(!aliases.isEmpty());
    m_aliasesLabel->setVisible(!aliases.isEmpty());
    m_protection->setText(project ? SiteProtection::describe(*project) : QString());
    setEnabled(project != nullptr);
    setCertificate(std::nullopt);
    setVersion(nullptr);
}

void AddressPanel::setVersion(const core::model::Version *version)
{
    m_preview = version ? version->previewUrl : QUrl();
    m_previewRow.label->setText(version ? tr("Preview of %1:").arg(DisplayFormat::version(version->number)) : QString());
    showAddress(m_previewRow, m_preview, QString());
    for (QWidget *part : {static_cast<QWidget *>(m_previewRow.label), static_cast<QWidget *>(m_previewRow.address)})
        part->setVisible(!m_preview.isEmpty());
}

void AddressPanel::setCertificate(const std::optional<core::client::RemoteCertificate> &certificate)
{
    const QString text = certificate ? CertificateText::describe(*certificate) : QString();
    m_certificate->setText(text);
    m_certificate->setVisible(!text.isEmpty());
    m_certificateLabel->setVisible(!text.isEmpty());
}

} // namespace ddd::app
