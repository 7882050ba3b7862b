// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/strictjson.h"

#include <QJsonDocument>
#include <QSet>

#include <vector>

namespace ddd::core {

namespace {

Error invalid(const QString &reason)
{
    return Error::make(u"json.invalid"_qs, u"malformed JSON"_qs, {{u"reason"_qs, reason}});
}

// Decodes the string literal starting after the opening quote at `pos` and
// leaves `pos` on the closing quote. The input is already known to be valid
// JSON, so only the escapes need care: "a" and "\u0061" are the same key.
QString readString(const QByteArray &json, qsizetype &pos)
{
    QString out;
    qsizetype runStart = pos;
    auto flushRun = [&] { out += QString::fromUtf8(json.constData() + runStart, pos - runStart); };
    while (json.at(pos) != '"') {
        if (json.at(pos) != '\\') {
            ++pos;
            continue;
        }
        flushRun();
        const char escaped = json.at(pos + 1);
        static const QByteArray from = "\"\\/bfnrt";
        static const QByteArray to = "\"\\/\b\f\n\r\t";
        if (escaped == 'u') {
            out += QChar(json.mid(pos + 2, 4).toUShort(nullptr, 16));
            pos += 6;
        } else {
            out += QLatin1Char(to.at(from.indexOf(escaped)));
            pos += 2;
        }
        runStart = pos;
    }
    flushRun();
    return out;
}

struct Frame
{
    bool isObject;
    bool expectKey;
    QSet<QString> keys;
};

bool hasDuplicateKey(const QByteArray &json)
{
    std::vector<Frame> stack;
    for (qsizetype pos = 0; pos < json.size(); ++pos) {
        const char c = json.at(pos);
        if (c == '{' || c == '[') {
            stack.push_back(Frame{c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            stack.pop_back();
        } else if (c == ',' && stack.back().isObject) {
            stack.back().expectKey = true;
        } else if (c == '"') {
            ++pos;
            const QString text = readString(json, pos);
            if (stack.empty() || !stack.back().expectKey)
                continue;
            Frame &frame = stack.back();
            if (frame.keys.contains(text))
                return true;
            frame.keys.insert(text);
            frame.expectKey = false;
        }
    }
    return false;
}

} // namespace

Result<QJsonObject> StrictJson::parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(u"syntax"_qs);
    if (!document.isObject())
        return invalid(u"not_object"_qs);
    if (hasDuplicateKey(json))
        return invalid(u"duplicate_key"_qs);
    return document.object();
}

} // namespace ddd::core
