// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/acmesettings.h"

#include <QString>
#include <QStringList>

namespace ddd::core::acme {

// One lego invocation: program, arguments and the environment variables it
// adds, never a shell line (names and the e-mail address go to lego as
// separate arguments, so nothing in them is ever interpreted).
struct LegoCommand final
{
    QString program;
    QStringList arguments;
    QStringList environment; // KEY=VALUE added to the agent's own environment

    // `lego ... -d name... run`: a new order for exactly these names, used for
    // the first certificate and for every renewal (the renewal decision is
    // RenewalPolicy's, so lego's own `renew --days` is not needed).
    static LegoCommand run(const AcmeSettings &settings, const QStringList &names);

    // Where `run` leaves the chain and key: lego names them after the first name.
    static QString chainFile(const AcmeSettings &settings, const QString &primary);
    static QString keyFile(const AcmeSettings &settings, const QString &primary);
};

} // namespace ddd::core::acme
