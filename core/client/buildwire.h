// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"
#include "core/util/error.h"

#include <QJsonValue>

#include <optional>

namespace ddd::core::client {

// Field readers shared by the builds API's client types (docs/api.md,
// "Builds"). Each returns nullopt for null or absent and sets `ok` to false
// when the field has an unexpected shape, so decoders read straight through.
class BuildWire final
{
public:
    // {"generator","siteRoot","command","outputDir","toolchain"} or null.
    static std::optional<build::Detection> detection(const QJsonValue &value, bool &ok);
    // Unix ms as a number; an ISO 8601 string is accepted too.
    static std::optional<qint64> time(const QJsonValue &value, bool &ok);
    // {"code","message","details"} or null.
    static std::optional<Error> error(const QJsonValue &value, bool &ok);
    // An integer or null.
    static std::optional<qint64> integer(const QJsonValue &value, bool &ok);
    static Error unexpected(const QString &field);
};

} // namespace ddd::core::client
