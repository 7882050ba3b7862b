// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/confirmbox.h"

#include <QMessageBox>
#include <QPushButton>

namespace ddd::app {

void ConfirmBox::ask(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                     std::function<void()> action)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(u"confirmBox"_qs);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(confirmLabel, QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmButton"_qs);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(confirm, &QPushButton::clicked, parent, std::move(action));
    box->open();
}

} // namespace ddd::app
