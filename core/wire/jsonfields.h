// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ddd::core::wire {

// Reads typed fields of a JSON object received from the agent, remembering
// the first field that was missing or of the wrong type, so a decoder reads
// straight through and checks error() once. Unknown fields are ignored: newer
// agents may add fields without breaking older clients.
class JsonFields final
{
public:
    // `prefix` names the enclosing object in errors ("settings.").
    explicit JsonFields(QJsonObject json, QString prefix = {});

    qint64 id(const QString &key);
    QString string(const QString &key);
    // A string or null.
    std::optional<QString> optionalString(const QString &key);
    bool boolean(const QString &key);
    qint64 timestamp(const QString &key);
    QJsonObject object(const QString &key);
    QJsonArray array(const QString &key);

    // Whether `key` is present at all (optional objects of newer agents).
    bool has(const QString &key) const { return m_json.contains(key); }
    // A reader for the object at `key`, naming its fields "<prefix><key>.<field>".
    JsonFields nested(const QString &key);
    // A reader for one element of the array at `key`; a non-object fails `key`.
    JsonFields element(const QJsonValue &value, const QString &key);
    // Takes over a nested reader's first failure (call once it is done).
    void adopt(const JsonFields &nested);

    void fail(const QString &key);
    // `wire.unexpected_json` with details {"field"} naming the first bad field.
    std::optional<Error> error() const;

private:
    QJsonValue require(const QString &key, QJsonValue::Type type);

    QJsonObject m_json;
    QString m_prefix;
    std::optional<QString> m_failedField;
};

} // namespace ddd::core::wire
