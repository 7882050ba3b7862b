// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/statuspalette.h"

namespace ddd::app {

QColor StatusPalette::color(Level level)
{
    switch (level) {
    case Level::Good: return QColor(0x2e, 0x8b, 0x3e);
    case Level::Warning: return QColor(0xc7, 0x7c, 0x02);
    case Level::Problem: return QColor(0xd0, 0x30, 0x30);
    }
    return {};
}

} // namespace ddd::app
