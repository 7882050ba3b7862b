// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/sharelink.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::app {

class MessageBar;

// Issues a share link for a protected site: the user picks how long it
// works, the agent signs it, and the dialog shows the link with Copy and the
// time it stops working. The link is shown only here; the agent keeps no list.
class ShareLinkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareLinkDialog)

public:
    ShareLinkDialog(core::client::ApiClient &api, qint64 projectId, const QString &projectName,
                    QWidget *parent = nullptr);

private:
    void buildLayout();
    void create();
    void showLink(const core::client::ShareLink &link);
    void copy();

    core::client::ApiClient &m_api;
    qint64 m_projectId;
    QComboBox *m_lifetime;
    QPushButton *m_create;
    QLineEdit *m_link;
    QPushButton *m_copy;
    QLabel *m_expiry;
    MessageBar *m_messages;
};

} // namespace ddd::app
