// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/generator.h"
#include "core/model/versionstatus.h"

#include <QCoreApplication>
#include <QString>

namespace ddd::app {

// How numbers, times and states read on screen, in the user's locale.
class DisplayFormat final
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    static QString bytes(qint64 bytes);
    // "+1.2 MB" / "−300 bytes"; zero reads as "0 bytes".
    static QString byteDelta(qint64 bytes);
    static QString time(qint64 unixMs);
    static QString version(qint64 number);
    static QString status(core::model::VersionStatus status);
    static QString duration(qint64 seconds);
    static QString rate(double bytesPerSecond);
    // "Hugo", "Jekyll", …; a plain site reads as such.
    static QString generator(core::build::Generator generator);
};

} // namespace ddd::app
