// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace ddd::core::model {
struct Version;
}

namespace ddd::app {

class AddressPanel;
class DashboardActions;
class LoadMoreButton;
class VersionTableModel;

// A project's addresses and protection above its version history (status,
// author, size, unique bytes; the selected version's preview address is in
// the address panel); the toolbar and the table's context menu carry go
// live, roll back, pin, delete and the preview's open and copy.
class VersionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionsPage)

public:
    VersionsPage(VersionTableModel *model, const DashboardActions &actions, QWidget *parent = nullptr);

    // Null when no row is selected.
    const core::model::Version *currentVersion() const;
    void selectVersion(qint64 versionId);
    void setProjectName(const QString &name); // empty: no project selected
    QTableView *table() const { return m_table; }
    AddressPanel *addressPanel() const { return m_addresses; }
    // "Load older versions" below the table, shown while the agent has more.
    LoadMoreButton *moreButton() const { return m_more; }

signals:
    void currentVersionChanged();

private:
    void updatePlaceholder();

    VersionTableModel *m_model;
    QLabel *m_title;
    AddressPanel *m_addresses;
    QTableView *m_table;
    QLabel *m_placeholder;
    LoadMoreButton *m_more;
    QStackedWidget *m_stack;
    bool m_hasProject = false;
};

} // namespace ddd::app
