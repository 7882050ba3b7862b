// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/difftree.h"

#include "app/displayformat.h"

#include <QHeaderView>

namespace ddd::app {

namespace {

constexpr int ExpandBelow = 50;

qint64 delta(const SiteInspection::Change &change)
{
    return qMax<qint64>(change.sizeAfter, 0) - qMax<qint64>(change.sizeBefore, 0);
}

} // namespace

DiffTree::DiffTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(u"diffTree"_qs);
    setColumnCount(3);
    setHeaderLabels({tr("File"), tr("Size"), tr("Change")});
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
}

void DiffTree::setInspection(const SiteInspection &inspection)
{
    clear();
    addGroup(tr("Added (%n file(s))", nullptr, int(inspection.added.size())), inspection.added, u"added"_qs);
    addGroup(tr("Changed (%n file(s))", nullptr, int(inspection.changed.size())), inspection.changed, u"changed"_qs);
    addGroup(tr("Removed (%n file(s))", nullptr, int(inspection.removed.size())), inspection.removed, u"removed"_qs);
}

void DiffTree::addGroup(const QString &title, const QList<SiteInspection::Change> &changes, const QString &kind)
{
    auto *group = new QTreeWidgetItem(this, {title});
    group->setData(0, Qt::UserRole, kind);
    qint64 total = 0;
    for (const SiteInspection::Change &change : changes) {
        const qint64 size = change.sizeAfter >= 0 ? change.sizeAfter : change.sizeBefore;
        auto *item = new QTreeWidgetItem(group, {change.path, DisplayFormat::bytes(size),
                                                 DisplayFormat::byteDelta(delta(change))});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        total += delta(change);
    }
    group->setText(2, DisplayFormat::byteDelta(total));
    group->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    group->setDisabled(changes.isEmpty());
    group->setExpanded(!changes.isEmpty() && changes.size() < ExpandBelow);
}

} // namespace ddd::app
