// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/buildlogview.h"

#include "app/logbatcher.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace ddd::app {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &text, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(tip);
    return button;
}

} // namespace

BuildLogView::BuildLogView(QWidget *parent)
    : QWidget(parent),
      m_batcher(new LogBatcher(MaxLines, this)),
      m_text(new QPlainTextEdit(this)),
      m_search(new QLineEdit(this)),
      m_previous(toolButton(this, u"logFindPrevious"_qs, tr("Previous"), tr("Find the previous match (Shift+F3)"))),
      m_next(toolButton(this, u"logFindNext"_qs, tr("Next"), tr("Find the next match (F3)"))),
      m_searchStatus(new QLabel(this)),
      m_follow(new QCheckBox(tr("&Follow output"), this)),
      m_copy(toolButton(this, u"logCopy"_qs, tr("&Copy"), tr("Copy the selected lines, or the whole log")))
{
    setObjectName(u"buildLogView"_qs);
    m_text->setObjectName(u"buildLogText"_qs);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumBlockCount(MaxLines);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Select a build to see its log."));
    m_search->setObjectName(u"logSearch"_qs);
    m_search->setPlaceholderText(tr("Find in log"));
    m_search->setClearButtonEnabled(true);
    m_searchStatus->setObjectName(u"logSearchStatus"_qs);
    m_follow->setObjectName(u"logFollow"_qs);
    m_follow->setChecked(true);
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_next->setShortcut(QKeySequence(Qt::Key_F3));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_searchStatus);
    bar->addStretch();
    bar->addWidget(m_follow);
    bar->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);

    connect(m_batcher, &LogBatcher::ready, this, &BuildLogView::onBatch);
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &BuildLogView::onScrolled);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { find(m_search->text()); });
    connect(m_next, &QToolButton::clicked, this, [this] { find(m_search->text()); });
    connect(m_previous, &QToolButton::clicked, this, [this] { find(m_search->text(), true); });
    connect(m_copy, &QToolButton::clicked, this, &BuildLogView::copy);
}

void BuildLogView::clear()
{
    m_batcher->clear();
    m_text->clear();
    m_searchStatus->clear();
    m_follow->setChecked(true);
}

void BuildLogView::appendLines(const QStringList &lines)
{
    m_batcher->add(lines);
}

void BuildLogView::flush()
{
    m_batcher->flush();
}

bool BuildLogView::isFollowing() const
{
    return m_follow->isChecked();
}

void BuildLogView::setFollowing(bool follow)
{
    m_follow->setChecked(follow);
}

void BuildLogView::onBatch(const QString &text, int)
{
    QScrollBar *bar = m_text->verticalScrollBar();
    const int kept = bar->value();
    m_appending = true;
    m_text->appendPlainText(text);
    // Follow the end, or stay exactly where the reader is.
    bar->setValue(isFollowing() ? bar->maximum() : kept);
    m_appending = false;
}

void BuildLogView::onScrolled(int value)
{
    if (m_appending)
        return;
    // Scrolling up pauses following; scrolling back to the end resumes it.
    const bool atEnd = value >= m_text->verticalScrollBar()->maximum();
    if (atEnd != isFollowing())
        m_follow->setChecked(atEnd);
}

bool BuildLogView::find(const QString &text, bool backwards)
{
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_text->find(text, flags);
    if (!found) {
        // Wrap around from the other end, as editors do.
        QTextCursor cursor = m_text->textCursor();
        cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_text->setTextCursor(cursor);
        found = m_text->find(text, flags);
    }
    m_searchStatus->setText(found ? QString() : tr("Not found"));
    if (found)
        setFollowing(false); // the reader is looking at the match now
    return found;
}

QString BuildLogView::text() const
{
    return m_text->toPlainText();
}

void BuildLogView::copy()
{
    const QString selected = m_text->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
    QApplication::clipboard()->setText(selected.isEmpty() ? text() : selected);
}

} // namespace ddd::app
