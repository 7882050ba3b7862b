// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/messagebar.h"

#include "app/errormessages.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace ddd::app {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent),
      m_text(new QLabel(this)),
      m_disclosure(new QToolButton(this)),
      m_details(new QLabel(this)),
      m_action(new QPushButton(this)),
      m_close(new QPushButton(this))
{
    setObjectName(u"messageBar"_qs);
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(u"messageText"_qs);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_disclosure->setObjectName(u"messageDetailsButton"_qs);
    m_disclosure->setText(tr("&Details"));
    m_disclosure->setCheckable(true);
    m_disclosure->setArrowType(Qt::RightArrow);
    m_disclosure->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_disclosure->setAutoRaise(true);
    m_details->setObjectName(u"messageDetails"_qs);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->hide();
    m_action->setObjectName(u"messageAction"_qs);
    m_close->setObjectName(u"messageClose"_qs);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setFlat(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_text, 0, 0);
    layout->addWidget(m_disclosure, 0, 1, Qt::AlignTop);
    layout->addWidget(m_action, 0, 2, Qt::AlignTop);
    layout->addWidget(m_close, 0, 3, Qt::AlignTop);
    layout->addWidget(m_details, 1, 0, 1, 4);
    layout->setColumnStretch(0, 1);
    // Every message up to three lines long takes the same room, Details or
    // not: messages changing never move the page. Opening the details (a
    // user's choice) may. setKeepsPlace() keeps the room while hidden too.
    QSizePolicy policy = m_disclosure->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    m_disclosure->setSizePolicy(policy);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 3); // what, a blank line, what next
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        hide();
        if (m_callback)
            m_callback();
    });
    connect(m_disclosure, &QToolButton::toggled, this, [this](bool open) {
        m_details->setVisible(open);
        m_disclosure->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    hide();
}

void MessageBar::setKeepsPlace(bool keep)
{
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(keep);
    setSizePolicy(policy);
}

void MessageBar::showMessage(StatusPalette::Level level, const QString &text)
{
    const QColor accent = StatusPalette::color(level);
    setStyleSheet(QStringLiteral("ddd--app--MessageBar { border: 1px solid %1; border-left: 4px solid %1; }")
                      .arg(accent.name()));
    m_text->setText(text);
    m_action->hide();
    m_callback = nullptr;
    m_condition.clear();
    setDetails({});
    show();
}

void MessageBar::showError(const UserMessage &message)
{
    showMessage(StatusPalette::Level::Problem, message.text());
    m_condition = message.condition;
    setDetails(message.details);
}

void MessageBar::setAction(const QString &label, std::function<void()> action)
{
    m_action->setText(label);
    m_callback = std::move(action);
    m_action->show();
}

void MessageBar::conditionEnded(const QString &condition)
{
    if (!isHidden() && !m_condition.isEmpty() && m_condition == condition)
        hide();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

QString MessageBar::details() const
{
    return isHidden() ? QString() : m_details->text();
}

void MessageBar::setDetails(const QString &details)
{
    m_details->setText(details);
    m_disclosure->setChecked(false);
    m_disclosure->setVisible(!details.isEmpty());
}

} // namespace ddd::app
