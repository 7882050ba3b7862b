// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/siteinspection.h"

#include <QTreeWidget>

namespace ddd::app {

// Added, changed and removed files against the live version, with sizes and
// byte deltas; the three groups are open when small and closed when long.
class DiffTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffTree)

public:
    explicit DiffTree(QWidget *parent = nullptr);

    void setInspection(const SiteInspection &inspection);

private:
    void addGroup(const QString &title, const QList<SiteInspection::Change> &changes, const QString &kind);
};

} // namespace ddd::app
