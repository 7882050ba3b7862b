// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGroupBox>

class QLineEdit;
class QListWidget;
class QPushButton;
class QLabel;

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::app {

// The project's build hooks in Settings: secret URLs a CI or CMS POSTs to
// rebuild the newest source. Creating one shows its URL once, with Copy
// (the agent never shows it again); the list names the hooks and when they
// were last used; Revoke ends one at once.
class BuildHooksPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildHooksPanel)

public:
    explicit BuildHooksPanel(QWidget *parent = nullptr);

    // Lists the hooks of `projectId`; a null api (or id 0) empties the panel.
    void setProject(core::client::ApiClient *api, qint64 projectId);
    void reload();

private:
    void create();
    void revoke();
    void showProblem(const QString &text);

    core::client::ApiClient *m_api = nullptr;
    qint64 m_projectId = 0;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QLineEdit *m_url;
    QPushButton *m_copy;
    QLabel *m_note;
};

} // namespace ddd::app
