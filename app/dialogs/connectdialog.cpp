// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/connectdialog.h"

#include "app/agentconnection.h"
#include "app/errormessages.h"
#include "app/widgets/messagebar.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ddd::app {

ConnectDialog::ConnectDialog(CredentialStore &credentials, AgentConnection *existing, QWidget *parent)
    : QDialog(parent),
      m_credentials(credentials),
      m_connection(existing),
      m_existing(existing != nullptr),
      m_messages(new MessageBar(this)),
      m_fingerprint(new QLabel(this)),
      m_trust(new QCheckBox(tr("I compared this fingerprint with the agent's certificate: trust it"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"connectDialog"_qs);
    setWindowTitle(m_existing ? tr("Log In to %1").arg(existing->profile().label()) : tr("Connect to an Agent"));
    m_fingerprint->setObjectName(u"tlsFingerprint"_qs);
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->hide();
    m_trust->setObjectName(u"tlsTrust"_qs);
    m_trust->hide();
    QPushButton *connectButton = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(u"connectButton"_qs);
    connectButton->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(buildCredentialsForm());
    layout->addWidget(m_fingerprint);
    layout->addWidget(m_trust);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::attempt);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_existing) {
        m_url->setText(existing->profile().url.toString());
        m_url->setReadOnly(true);
        m_siteUrl->setText(existing->profile().siteUrl.toString());
        m_email->setText(existing->profile().email);
    }
}

QWidget *ConnectDialog::buildCredentialsForm()
{
    auto *form = new QWidget(this);
    m_url = new QLineEdit(form);
    m_url->setObjectName(u"agentUrl"_qs);
    m_url->setPlaceholderText(u"https://deploy.example.com:8443"_qs);
    m_siteUrl = new QLineEdit(form);
    m_siteUrl->setObjectName(u"siteUrl"_qs);
    m_siteUrl->setPlaceholderText(tr("http://localhost:8081 (optional: where the agent serves sites)"));
    m_usePassword = new QRadioButton(tr("&Email and password"), form);
    m_usePassword->setChecked(true);
    m_useToken = new QRadioButton(tr("API &token"), form);
    m_useToken->setObjectName(u"useToken"_qs);
    auto *layout = new QFormLayout(form);
    layout->addRow(tr("&Agent address:"), m_url);
    layout->addRow(tr("&Sites address:"), m_siteUrl);
    auto *method = new QHBoxLayout;
    method->addWidget(m_usePassword);
    method->addWidget(m_useToken);
    layout->addRow(tr("Sign in with:"), method);
    layout->addRow(buildMethodPages(form));
    return form;
}

QWidget *ConnectDialog::buildMethodPages(QWidget *parent)
{
    m_email = new QLineEdit(parent);
    m_email->setObjectName(u"email"_qs);
    m_password = new QLineEdit(parent);
    m_password->setObjectName(u"password"_qs);
    m_password->setEchoMode(QLineEdit::Password);
    m_token = new QLineEdit(parent);
    m_token->setObjectName(u"apiToken"_qs);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(u"ddd_…"_qs);
    auto *passwordPage = new QWidget(parent);
    auto *passwordForm = new QFormLayout(passwordPage);
    passwordForm->addRow(tr("E&mail:"), m_email);
    passwordForm->addRow(tr("&Password:"), m_password);
    auto *tokenPage = new QWidget(parent);
    auto *tokenForm = new QFormLayout(tokenPage);
    tokenForm->addRow(tr("&Token:"), m_token);
    m_methods = new QStackedWidget(parent);
    m_methods->addWidget(passwordPage);
    m_methods->addWidget(tokenPage);
    connect(m_useToken, &QRadioButton::toggled, this, [this](bool token) { m_methods->setCurrentIndex(token ? 1 : 0); });
    return m_methods;
}

void ConnectDialog::attempt()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        m_messages->showMessage(StatusPalette::Level::Problem,
                                tr("Enter the agent's address, for example https://deploy.example.com:8443."));
        return;
    }
    AgentConnection *connection = prepareConnection();
    setBusy(true);
    auto finished = [this](const core::Status &status) { onFinished(status); };
    if (m_useToken->isChecked())
        connection->signInWithToken(m_token->text(), finished);
    else
        connection->signInWithPassword(m_email->text().trimmed(), m_password->text(), finished);
}

AgentConnection *ConnectDialog::prepareConnection()
{
    AgentProfile profile = m_connection ? m_connection->profile()
                                        : AgentProfile::create(QUrl::fromUserInput(m_url->text().trimmed()));
    profile.url = QUrl::fromUserInput(m_url->text().trimmed());
    profile.siteUrl = QUrl::fromUserInput(m_siteUrl->text().trimmed());
    if (m_trust->isChecked())
        profile.trustedFingerprint = m_trust->property("fingerprint").toString();
    if (!m_connection || (!m_existing && m_connection->profile().url != profile.url)) {
        delete m_connection;
        m_connection = new AgentConnection(profile, m_credentials, this);
    }
    m_connection->setProfile(profile);
    return m_connection;
}

void ConnectDialog::onFinished(const core::Status &status)
{
    setBusy(false);
    if (status.ok()) {
        if (!m_existing)
            m_connection->setParent(nullptr);
        accept();
        return;
    }
    if (status.error().code == u"client.tls")
        showTlsProblem(status.error());
    m_messages->showError(ErrorMessages::describe(status.error()));
}

void ConnectDialog::showTlsProblem(const core::Error &error)
{
    const QString fingerprint = error.details.value(u"fingerprint"_qs).toString();
    m_fingerprint->setText(tr("Certificate SHA-256 fingerprint:\n%1").arg(fingerprint));
    m_fingerprint->setVisible(!fingerprint.isEmpty());
    m_trust->setProperty("fingerprint", fingerprint);
    m_trust->setChecked(false);
    m_trust->setVisible(!fingerprint.isEmpty());
}

void ConnectDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    for (QAbstractButton *button : m_buttons->buttons())
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy);
    if (busy)
        m_messages->showMessage(StatusPalette::Level::Warning, tr("Connecting…"));
}

} // namespace ddd::app
