// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace ddd::core::webhooks {

// Where a webhook may send: an http or https URL whose host resolves to
// public addresses only. Loopback, link-local (169.254/16, the cloud
// metadata address), private, shared (100.64/10), unspecified, multicast and
// reserved addresses are refused unless the operator allows private targets
// (webhooks.allow_private_targets), so a webhook cannot make the agent
// reach into its own network (SSRF). The check runs at creation and again
// before every attempt, on the addresses the attempt then connects to.
class WebhookTarget final
{
public:
    static constexpr qsizetype MaxUrlLength = 2048;

    // The URL's form: `webhook.invalid_url` with details.reason (scheme,
    // host, credentials, fragment, length, syntax).
    static Result<QUrl> parse(const QString &text);
    // True for addresses a webhook may reach without the operator's leave.
    static bool isPublic(const QHostAddress &address);
    // `webhook.target_refused` (details.address) when any address is not
    // public and private targets are not allowed; `webhook.unresolvable_host`
    // for none at all.
    static Status check(const QList<QHostAddress> &addresses, bool allowPrivate);
    // Resolves the URL's host (blocking) and checks the addresses.
    static Result<QList<QHostAddress>> resolve(const QUrl &url, bool allowPrivate);
};

} // namespace ddd::core::webhooks
