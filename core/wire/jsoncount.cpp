// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/jsoncount.h"

namespace ddd::core::wire {

qint64 readCount(const QJsonObject &json, JsonFields &fields, const QString &key)
{
    const QJsonValue value = json.value(key);
    const qint64 number = value.toInteger(-1);
    if (!value.isDouble() || number < 0)
        fields.fail(key);
    return qMax<qint64>(number, 0);
}

} // namespace ddd::core::wire
