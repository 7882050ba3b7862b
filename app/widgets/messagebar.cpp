// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/messagebar.h"

#include "app/errormessages.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace ddd::app {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_action(new QPushButton(this)), m_close(new QPushButton(this))
{
    setObjectName(u"messageBar"_qs);
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(u"messageText"_qs);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(u"messageAction"_qs);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setFlat(true);
    m_close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        hide();
        if (m_callback)
            m_callback();
    });
    hide();
}

void MessageBar::showMessage(StatusPalette::Level level, const QString &text)
{
    const QColor accent = StatusPalette::color(level);
    setStyleSheet(QStringLiteral("ddd--app--MessageBar { border: 1px solid %1; border-left: 4px solid %1; }")
                      .arg(accent.name()));
    m_text->setText(text);
    m_action->hide();
    m_callback = nullptr;
    show();
}

void MessageBar::showError(const UserMessage &message)
{
    showMessage(StatusPalette::Level::Problem, message.text());
}

void MessageBar::setAction(const QString &label, std::function<void()> action)
{
    m_action->setText(label);
    m_callback = std::move(action);
    m_action->show();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace ddd::app
