// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/siteinspection.h"

#include <QListWidget>

namespace ddd::app {

// The pre-flight report: one line per finding, red, amber or green, worst
// first, under a heading per group when there is more than one group.
class PreflightList final : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreflightList)

public:
    explicit PreflightList(QWidget *parent = nullptr);

    void setFindings(const QList<SiteInspection::Finding> &findings);

private:
    void addHeading(const QString &title);
};

} // namespace ddd::app
