// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

namespace ddd::app {

// Where build logs will stream once the agent runs builds. Until then it
// says so plainly instead of pretending.
class BuildLogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildLogPage)

public:
    explicit BuildLogPage(QWidget *parent = nullptr);
};

} // namespace ddd::app
