// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::model {

// An outgoing webhook of a project (docs/webhooks.md). The signing secret is
// not a member: it is answered once at creation and otherwise read only by
// the sender. Times are Unix milliseconds (UTC).
struct Webhook final
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString url;
    QStringList events; // a subset of Webhook::eventTypes()
    bool active = true;
    qint64 createdAt = 0;
    std::optional<qint64> authorId;

    // The events a webhook may subscribe to; "ping" is sent only on request.
    static const QStringList &eventTypes()
    {
        static const QStringList all = {u"deploy.created"_qs, u"build.finished"_qs, u"version.activated"_qs,
                                        u"version.rolled_back"_qs};
        return all;
    }
};

} // namespace ddd::core::model
