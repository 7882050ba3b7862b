// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;

namespace ddd::core::credentials {
class CredentialStore;
}

namespace ddd::app {

class AgentConnection;
using core::credentials::CredentialStore;
class MessageBar;

// Adds an agent, or signs in again to one: by email and password, or with a
// pasted API token. A certificate the system does not trust is shown with its
// SHA-256 fingerprint and used only once the user ticks that they checked it.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    // `existing` null: add a new agent; otherwise sign in to it again.
    ConnectDialog(CredentialStore &credentials, AgentConnection *existing, QWidget *parent = nullptr);

    // The signed-in connection once accepted (a new one is handed over, parentless).
    AgentConnection *connection() const { return m_connection; }

private:
    QWidget *buildCredentialsForm();
    QWidget *buildMethodPages(QWidget *parent);
    void attempt();
    void onFinished(const core::Status &status);
    void showTlsProblem(const core::Error &error);
    void setBusy(bool busy);
    AgentConnection *prepareConnection();

    CredentialStore &m_credentials;
    QPointer<AgentConnection> m_connection;
    bool m_existing;
    MessageBar *m_messages;
    QLineEdit *m_url;
    QLineEdit *m_siteUrl;
    QRadioButton *m_usePassword;
    QRadioButton *m_useToken;
    QStackedWidget *m_methods;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QLabel *m_fingerprint;
    QCheckBox *m_trust;
    QDialogButtonBox *m_buttons;
};

} // namespace ddd::app
