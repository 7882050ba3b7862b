// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/exitcode.h"

#include <QStringList>

namespace ddd::cli {

ExitCode exitCodeFor(const core::Error &error)
{
    const QString &code = error.code;
    if (code == u"cli.usage" || code == u"cli.ambiguous_project")
        return ExitCode::Usage;
    if (code.startsWith(u"auth.") || code.startsWith(u"credentials.") || code == u"cli.not_logged_in")
        return ExitCode::Auth;
    if (code.endsWith(u"not_found"))
        return ExitCode::NotFound;
    static const QStringList network = {u"client.network"_qs, u"client.tls"_qs, u"client.cancelled"_qs,
                                        u"http.header_timeout"_qs, u"http.body_timeout"_qs,
                                        u"http.too_many_connections"_qs};
    if (network.contains(code))
        return ExitCode::Network;
    static const QStringList failures = {u"internal"_qs, u"storage.error"_qs, u"io.error"_qs,
                                         u"client.bad_response"_qs, u"client.http_status"_qs,
                                         u"wire.unexpected_json"_qs, u"storage.disk_full"_qs,
                                         u"http.out_of_descriptors"_qs, u"objects.unavailable"_qs,
                                         u"objects.refused"_qs};
    if (failures.contains(code))
        return ExitCode::AgentFailure;
    return ExitCode::Refused;
}

} // namespace ddd::cli
