// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/legocommand.h"

namespace ddd::core::acme {

LegoCommand LegoCommand::run(const AcmeSettings &settings, const QStringList &names)
{
    LegoCommand command;
    command.program = settings.lego;
    command.arguments = {u"--accept-tos"_qs,
                         u"--email"_qs, settings.email,
                         u"--server"_qs, settings.directoryUrl,
                         u"--path"_qs, settings.legoDir(),
                         u"--http"_qs,
                         u"--http.webroot"_qs, settings.webroot()};
    for (const QString &name : names)
        command.arguments << u"-d"_qs << name;
    command.arguments << u"run"_qs;
    if (!settings.caCertificates.isEmpty())
        command.environment << u"LEGO_CA_CERTIFICATES="_qs + settings.caCertificates;
    return command;
}

// lego 4.x: <path>/certificates/<first domain>.crt (the full chain, as lego
// bundles the issuer by default) and .key. A wildcard's "*" becomes "_",
// but HTTP-01 cannot validate wildcards, so names here never have one.
QString LegoCommand::chainFile(const AcmeSettings &settings, const QString &primary)
{
    return settings.legoDir() + u"/certificates/"_qs + primary + u".crt"_qs;
}

QString LegoCommand::keyFile(const AcmeSettings &settings, const QString &primary)
{
    return settings.legoDir() + u"/certificates/"_qs + primary + u".key"_qs;
}

} // namespace ddd::core::acme
