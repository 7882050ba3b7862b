// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/projectpatch.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace ddd::app {

// Asks for a new project's name and optional domain; the rest is set on the
// project's settings page.
class ProjectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDialog)

public:
    explicit ProjectDialog(QWidget *parent = nullptr);

    core::client::ProjectPatch project() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_domain;
    QPushButton *m_create;
};

} // namespace ddd::app
