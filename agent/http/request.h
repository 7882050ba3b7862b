// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/headers.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace ddd::agent::http {

// One HTTP request as controllers see it: no Boost type leaks past here.
struct Request final
{
    QByteArray method;        // "GET", as sent
    QByteArray target;        // raw request target
    QString path;             // percent-decoded path, no query
    QUrlQuery query;
    Headers headers;
    QString host;             // Host field, lower-cased, port stripped
    QString clientAddress;    // after trusted-proxy resolution
    bool secure = false;      // arrived over TLS
    QByteArray body;          // small bodies (JSON), when the route asked for one
    qint64 bodyBytes = 0;     // bytes received, also for streamed bodies
    QHash<QString, QString> params; // path parameters filled by the router
};

} // namespace ddd::agent::http
