// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QLabel;
class QMimeData;

namespace ddd::app {

// The invitation to drop a site: a dashed box that lights up while a folder
// or an archive hovers over it. `deployablePath` is the one rule for what
// may be dropped, shared with the project table and the main window.
class DropArea final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropArea)

public:
    explicit DropArea(QWidget *parent = nullptr);

    // The local folder, .zip, .tar or .tar.gz in `mime`; empty if none, or
    // if several items were dropped (a site is one folder or one archive).
    static QString deployablePath(const QMimeData *mime);

signals:
    void dropped(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setHighlighted(bool highlighted);

    QLabel *m_label;
};

} // namespace ddd::app
