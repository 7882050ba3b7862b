// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/request.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QStringList>

namespace ddd::agent::api {

// Reading request bodies the same strict way in every controller.
class JsonBody final
{
public:
    // The body as one JSON object (duplicate keys refused) whose keys are all
    // in `allowed`: `request.invalid_json` or `request.unknown_field`. An empty
    // body reads as {} so optional-only bodies may be omitted.
    static core::Result<QJsonObject> parse(const http::Request &request, const QStringList &allowed);
    // A string field that must be present: `request.invalid_field` naming it.
    static core::Result<QString> requiredString(const QJsonObject &body, const QString &key);
    // A positive integer id from a path parameter or JSON value; `notFoundCode`
    // when it is not one, since a malformed id names nothing that exists.
    static core::Result<qint64> id(const QString &text, const QString &notFoundCode);
};

} // namespace ddd::agent::api
