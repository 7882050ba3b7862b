// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>

class QTableView;

namespace ddd::app {

class AppSettings;

// Keeps every column of a table in view: columns take their contents'
// width, and when the sum exceeds the table, the `elastic` ones (long
// addresses, e-mails) give up width down to a minimum, their text elided,
// instead of pushing later columns out of sight. Once the user drags a
// column, their widths are kept (AppSettings, per table name) and restored
// next time; "Reset Window Layout" forgets them.
class ColumnFitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFitter)

public:
    static constexpr int MinimumElasticWidth = 64;

    ColumnFitter(QTableView *table, QList<int> elastic, AppSettings *settings = nullptr);

    // Fits now (after new rows or a resize); does nothing once the user chose widths.
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveUserWidths();

    QTableView *m_table;
    QObject *m_tableViewport;
    QObject *m_headerViewport;
    QList<int> m_elastic;
    AppSettings *m_settings;
    bool m_userSized = false;
    bool m_fitting = false;
    bool m_dragging = false;
};

} // namespace ddd::app
