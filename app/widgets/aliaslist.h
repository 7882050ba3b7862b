// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace ddd::app {

// Edits a project's domain aliases: a short list with a field to add a host
// name and a button to remove the selected one. The agent validates the
// names when the settings are saved; here they are only trimmed, lower-cased
// and kept unique.
class AliasList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AliasList)

public:
    explicit AliasList(QWidget *parent = nullptr);

    void setAliases(const QStringList &aliases);
    QStringList aliases() const;

signals:
    void changed();

private:
    void add();
    void remove();
    void updateButtons();

    QListWidget *m_list;
    QLineEdit *m_entry;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace ddd::app
