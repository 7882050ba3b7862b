// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/columnfitter.h"

#include "app/appsettings.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace ddd::app {

ColumnFitter::ColumnFitter(QTableView *table, QList<int> elastic, AppSettings *settings)
    : QObject(table), m_table(table), m_tableViewport(table->viewport()),
      m_headerViewport(table->horizontalHeader()->viewport()), m_elastic(std::move(elastic)), m_settings(settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_tableViewport->installEventFilter(this);
    m_headerViewport->installEventFilter(this);
    if (m_settings) {
        const QVariantMap saved = m_settings->value(AppSettings::Key::TableColumns).toMap();
        const QByteArray state = saved.value(m_table->objectName()).toByteArray();
        m_userSized = !state.isEmpty() && header->restoreState(state);
    }
    // Only a drag on the header is the user's choice: the stretched last
    // column also resizes when the window does.
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (m_dragging && !m_fitting) {
            m_userSized = true;
            saveUserWidths();
        }
    });
    QAbstractItemModel *model = m_table->model();
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::fit);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::fit);
    connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::fit);
}

void ColumnFitter::fit()
{
    if (m_userSized || m_fitting)
        return;
    m_fitting = true;
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    m_table->resizeColumnsToContents();
    const int available = m_table->viewport()->width();
    int total = header->length();
    // The widest elastic column gives first, until everything fits or
    // every elastic column is at its minimum.
    while (total > available) {
        int widest = -1;
        for (int column : std::as_const(m_elastic))
            if (header->sectionSize(column) > MinimumElasticWidth
                && (widest < 0 || header->sectionSize(column) > header->sectionSize(widest)))
                widest = column;
        if (widest < 0)
            break;
        const int shrunk = std::max(MinimumElasticWidth, header->sectionSize(widest) - (total - available));
        total -= header->sectionSize(widest) - shrunk;
        header->resizeSection(widest, shrunk);
    }
    header->setStretchLastSection(true);
    m_fitting = false;
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    // Compared with the viewports kept at construction: while the table is
    // being destroyed, its viewports still send events here, and calling
    // QAbstractScrollArea::viewport() on it then is undefined behaviour
    // (UBSan's vptr check, when a dashboard window closed).
    if (watched == m_tableViewport && event->type() == QEvent::Resize)
        fit();
    if (watched == m_headerViewport) {
        if (event->type() == QEvent::MouseButtonPress)
            m_dragging = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_dragging = false;
    }
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::saveUserWidths()
{
    if (!m_settings)
        return;
    QVariantMap saved = m_settings->value(AppSettings::Key::TableColumns).toMap();
    saved.insert(m_table->objectName(), m_table->horizontalHeader()->saveState());
    m_settings->setValue(AppSettings::Key::TableColumns, saved);
}

} // namespace ddd::app
