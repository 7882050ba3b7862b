// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/sharelinkdialog.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ddd::app {

using namespace std::chrono_literals;

ShareLinkDialog::ShareLinkDialog(core::client::ApiClient &api, qint64 projectId, const QString &projectName,
                                 QWidget *parent)
    : QDialog(parent),
      m_api(api),
      m_projectId(projectId),
      m_lifetime(new QComboBox(this)),
      m_create(new QPushButton(tr("Create &Link"), this)),
      m_link(new QLineEdit(this)),
      m_copy(new QPushButton(tr("&Copy"), this)),
      m_expiry(new QLabel(this)),
      m_messages(new MessageBar(this))
{
    setObjectName(u"shareLinkDialog"_qs);
    setWindowTitle(tr("Share Link for %1").arg(projectName));
    m_lifetime->setObjectName(u"shareLifetime"_qs);
    m_lifetime->addItem(tr("1 hour"), qint64(3600));
    m_lifetime->addItem(tr("1 day"), qint64(24 * 3600));
    m_lifetime->addItem(tr("7 days"), qint64(7 * 24 * 3600));
    m_lifetime->addItem(tr("30 days"), qint64(std::chrono::seconds(core::client::ShareLink::MaxLifetime).count()));
    m_lifetime->setCurrentIndex(1);
    m_create->setObjectName(u"shareCreate"_qs);
    m_link->setObjectName(u"shareUrl"_qs);
    m_link->setReadOnly(true);
    m_link->setMinimumWidth(420);
    m_copy->setObjectName(u"shareCopy"_qs);
    m_expiry->setObjectName(u"shareExpiry"_qs);
    m_expiry->setWordWrap(true);
    m_link->setPlaceholderText(tr("Choose how long the link works, then create it."));
    m_copy->setEnabled(false);
    buildLayout();
}

void ShareLinkDialog::buildLayout()
{
    auto *intro = new QLabel(tr("Anyone who opens the link sees the site without the password until it "
                                "expires, from any browser. Send it only to people who may see the site."), this);
    intro->setWordWrap(true);
    auto *choice = new QHBoxLayout;
    choice->addWidget(m_lifetime, 1);
    choice->addWidget(m_create);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);
    auto *form = new QFormLayout;
    auto *lifetimeLabel = new QLabel(tr("&Works for:"), this);
    lifetimeLabel->setBuddy(m_lifetime);
    form->addRow(lifetimeLabel, choice);
    form->addRow(tr("Link:"), linkRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_messages);
    layout->addLayout(form);
    layout->addWidget(m_expiry);
    layout->addWidget(buttons);
    connect(m_create, &QPushButton::clicked, this, &ShareLinkDialog::create);
    connect(m_copy, &QPushButton::clicked, this, &ShareLinkDialog::copy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ShareLinkDialog::create()
{
    m_create->setEnabled(false);
    m_messages->hide();
    const std::chrono::seconds lifetime(m_lifetime->currentData().toLongLong());
    m_api.createShareLink(m_projectId, lifetime, this, [this](core::Result<core::client::ShareLink> link) {
        m_create->setEnabled(true);
        if (!link.ok())
            return m_messages->showError(ErrorMessages::describe(link.error()));
        showLink(*link);
    });
}

void ShareLinkDialog::showLink(const core::client::ShareLink &link)
{
    m_link->setText(link.url.toString());
    m_link->setCursorPosition(0);
    m_copy->setEnabled(true);
    m_copy->setFocus();
    m_expiry->setText(tr("The link works until %1. Revoke All Share Links in the project's settings ends it "
                         "sooner.").arg(DisplayFormat::time(link.expiresAt)));
}

void ShareLinkDialog::copy()
{
    QGuiApplication::clipboard()->setText(m_link->text());
    m_messages->showMessage(StatusPalette::Level::Good, tr("The link is on the clipboard."));
}

} // namespace ddd::app
