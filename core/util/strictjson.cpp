// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/strictjson.h"

#include <QJsonDocument>
#include <QSet>

#include <optional>
#include <vector>

namespace ddd::core {

namespace {

Error invalid(const QString &reason)
{
    return Error::make(u"json.invalid"_qs, u"malformed JSON"_qs, {{u"reason"_qs, reason}});
}

// Decodes the string literal starting after the opening quote at `pos` and
// leaves `pos` on the closing quote. The input already passed Qt's parser,
// which also takes escapes JSON does not have ("\d" as "d", found by
// fuzz_jwt): those are refused here (nullopt), as RFC 8259 §7 does, since a
// key spelled with one could dodge the duplicate check below.
std::optional<QString> readString(const QByteArray &json, qsizetype &pos)
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
            bool hex = false;
            out += QChar(json.mid(pos + 2, 4).toUShort(&hex, 16));
            if (!hex)
                return std::nullopt;
            pos += 6;
        } else if (const qsizetype index = from.indexOf(escaped); index >= 0) {
            out += QLatin1Char(to.at(index));
            pos += 2;
        } else {
            return std::nullopt;
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

// "duplicate_key", "syntax" (an escape JSON does not define) or nothing.
std::optional<QString> keyProblem(const QByteArray &json)
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
            const std::optional<QString> text = readString(json, pos);
            if (!text)
                return u"syntax"_qs;
            if (stack.empty() || !stack.back().expectKey)
                continue;
            Frame &frame = stack.back();
            if (frame.keys.contains(*text))
                return u"duplicate_key"_qs;
            frame.keys.insert(*text);
            frame.expectKey = false;
        }
    }
    return std::nullopt;
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
    if (const std::optional<QString> problem = keyProblem(json))
        return invalid(*problem);
    return document.object();
}

} // namespace ddd::core
