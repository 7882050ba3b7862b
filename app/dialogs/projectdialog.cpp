// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/projectdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace ddd::app {

ProjectDialog::ProjectDialog(QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_domain(new QLineEdit(this))
{
    setObjectName(u"projectDialog"_qs);
    setWindowTitle(tr("New Project"));
    m_name->setObjectName(u"projectName"_qs);
    m_name->setMaxLength(100);
    m_domain->setObjectName(u"projectDomain"_qs);
    m_domain->setPlaceholderText(tr("www.example.com (optional, can be set later)"));
    // Wide enough for the whole placeholder (and so for the window title).
    m_domain->setMinimumWidth(m_domain->fontMetrics().horizontalAdvance(m_domain->placeholderText())
                              + 4 * m_domain->fontMetrics().averageCharWidth());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"createProjectButton"_qs);
    m_create->setEnabled(false);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("&Domain:"), m_domain);
    layout->addRow(buttons);
    layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_create->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

core::client::ProjectPatch ProjectDialog::project() const
{
    core::client::ProjectPatch project;
    project.name = m_name->text().trimmed();
    if (!m_domain->text().trimmed().isEmpty())
        project.domain = std::optional<QString>(m_domain->text().trimmed());
    return project;
}

} // namespace ddd::app
