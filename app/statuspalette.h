// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>

namespace ddd::app {

// The three signal colours (green, amber, red), readable on light and dark
// backgrounds, used for version states and pre-flight findings alike.
class StatusPalette final
{
public:
    enum class Level { Good, Warning, Problem };

    static QColor color(Level level);
};

} // namespace ddd::app
