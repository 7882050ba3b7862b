// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/wire/jsonfields.h"

#include <QJsonObject>
#include <QString>

namespace ddd::core::wire {

// A count or size at `key`: a JSON integer >= 0. JsonFields::id refuses 0, so
// sizes and counters read through here; a bad value fails `key` in `fields`.
qint64 readCount(const QJsonObject &json, JsonFields &fields, const QString &key);

} // namespace ddd::core::wire
