// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace ddd::app {

class LogBatcher;

// A build log that keeps up with fast output: lines arrive in batches
// (LogBatcher), the view keeps the last MaxLines, follows the end until the
// user scrolls up (and again once they scroll back down or tick Follow),
// finds text forwards and backwards, and copies the selection or all of it.
class BuildLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildLogView)

public:
    static constexpr int MaxLines = 20000;

    explicit BuildLogView(QWidget *parent = nullptr);

    void clear();
    void appendLines(const QStringList &lines);
    // Shows what is still batched at once (the stream ended).
    void flush();
    bool isFollowing() const;
    void setFollowing(bool follow);
    // Selects the next (or previous) match, wrapping around; false if none.
    bool find(const QString &text, bool backwards = false);
    QString text() const;
    QPlainTextEdit *editor() const { return m_text; }

private:
    void onBatch(const QString &text, int lineCount);
    void onScrolled(int value);
    void copy();

    LogBatcher *m_batcher;
    QPlainTextEdit *m_text;
    QLineEdit *m_search;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_searchStatus;
    QCheckBox *m_follow;
    QToolButton *m_copy;
    bool m_appending = false;
};

} // namespace ddd::app
