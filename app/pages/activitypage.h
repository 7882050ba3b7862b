// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/activityfilter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace ddd::app {

class ActivityTableModel;
class LoadMoreButton;

// The project's activity log (who deployed, activated, rolled back, deleted
// or changed what, and what was refused), filtered by event and version,
// older entries a page at a time.
class ActivityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPage)

public:
    ActivityPage(ActivityTableModel *model, QWidget *parent = nullptr);

    void setProjectName(const QString &name); // empty: no project selected
    // The versions the version filter offers, newest first.
    void setVersionNumbers(const QList<qint64> &numbers);
    // Narrows the log to one version ("the version's entries"), or all with 0.
    void showVersion(qint64 number);
    core::model::ActivityFilter filter() const;
    QTableView *table() const { return m_table; }
    LoadMoreButton *moreButton() const { return m_more; }

signals:
    void filterChanged();

private:
    void updatePlaceholder();

    ActivityTableModel *m_model;
    QLabel *m_title;
    QComboBox *m_kind;
    QComboBox *m_version;
    QTableView *m_table;
    QLabel *m_placeholder;
    QStackedWidget *m_stack;
    LoadMoreButton *m_more;
    bool m_hasProject = false;
};

} // namespace ddd::app
