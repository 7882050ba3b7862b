// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/buildwire.h"

#include "core/wire/timestampjson.h"

#include <QJsonObject>

namespace ddd::core::client {

std::optional<build::Detection> BuildWire::detection(const QJsonValue &value, bool &ok)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    const std::optional<build::Generator> generator = build::generatorFromName(json[u"generator"_qs].toString());
    if (!value.isObject() || !generator) {
        ok = false;
        return std::nullopt;
    }
    build::Detection detection;
    detection.generator = *generator;
    detection.siteRoot = json[u"siteRoot"_qs].toString();
    detection.command = json[u"command"_qs].toString();
    detection.outputDir = json[u"outputDir"_qs].toString();
    detection.toolchain = json[u"toolchain"_qs].toString();
    return detection;
}

std::optional<qint64> BuildWire::time(const QJsonValue &value, bool &ok)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (value.isDouble())
        return value.toInteger();
    std::optional<qint64> ms = value.isString() ? wire::timestampFromJson(value.toString()) : std::nullopt;
    if (!ms)
        ok = false;
    return ms;
}

std::optional<Error> BuildWire::error(const QJsonValue &value, bool &ok)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    if (!value.isObject() || !json[u"code"_qs].isString()) {
        ok = false;
        return std::nullopt;
    }
    return Error::make(json[u"code"_qs].toString(), json[u"message"_qs].toString(), json[u"details"_qs].toObject());
}

std::optional<qint64> BuildWire::integer(const QJsonValue &value, bool &ok)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        ok = false;
        return std::nullopt;
    }
    return value.toInteger();
}

Error BuildWire::unexpected(const QString &field)
{
    return Error::make(u"wire.unexpected_json"_qs, u"Unexpected JSON from the agent: "_qs + field,
                       QJsonObject{{u"field"_qs, field}});
}

} // namespace ddd::core::client
