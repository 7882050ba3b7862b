// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/siteinspection.h"

#include <QListWidget>

namespace ddd::app {

// The pre-flight report: one line per finding, red, amber or green, worst first.
class PreflightList final : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreflightList)

public:
    explicit PreflightList(QWidget *parent = nullptr);

    void setFindings(const QList<SiteInspection::Finding> &findings);
};

} // namespace ddd::app
