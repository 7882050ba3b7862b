// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/strictjson.h"

#include <QJsonDocument>
#include <QList>
#include <QSet>

#include <algorithm>
#include <cctype>

namespace ddd::core::wire {

namespace {

Error invalidJson(const QString &reason, const QString &message)
{
    return Error::make(u"request.invalid_json"_qs, message, QJsonObject{{u"reason"_qs, reason}});
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

// Decodes the string literal starting at body[position] (the opening quote)
// and leaves `position` on its closing quote. The text has already passed
// QJsonDocument, so escapes are well-formed.
QString readString(const QByteArray &body, qsizetype &position)
{
    QString text;
    qsizetype runStart = ++position;
    for (; body[position] != '"'; ++position) {
        if (body[position] != '\\')
            continue;
        text += QString::fromUtf8(body.constData() + runStart, position - runStart);
        const char escape = body[++position];
        if (escape == 'u') {
            const char *hex = body.constData() + position + 1;
            text += QChar(char16_t(hexValue(hex[0]) << 12 | hexValue(hex[1]) << 8 | hexValue(hex[2]) << 4
                                   | hexValue(hex[3])));
            position += 4;
        } else {
            static const QByteArray from = QByteArrayLiteral("\"\\/bfnrt");
            static const char to[] = "\"\\/\b\f\n\r\t";
            text += QLatin1Char(to[from.indexOf(escape)]);
        }
        runStart = position + 1;
    }
    text += QString::fromUtf8(body.constData() + runStart, position - runStart);
    return text;
}

// One open object or array while walking the text. Objects remember their
// keys and whether the next string is a key.
struct Container
{
    bool isObject = false;
    bool expectingKey = false;
    QSet<QString> keys;
};

bool hasDuplicateKey(const QByteArray &body)
{
    QList<Container> open;
    for (qsizetype position = 0; position < body.size(); ++position) {
        switch (body[position]) {
        case '{': open.append({true, true, {}}); break;
        case '[': open.append({false, false, {}}); break;
        case '}':
        case ']': open.removeLast(); break;
        case ',':
            if (!open.isEmpty() && open.last().isObject)
                open.last().expectingKey = true;
            break;
        case '"': {
            const QString text = readString(body, position);
            if (open.isEmpty() || !open.last().expectingKey)
                break;
            if (open.last().keys.contains(text))
                return true;
            open.last().keys.insert(text);
            open.last().expectingKey = false;
            break;
        }
        default: break;
        }
    }
    return false;
}

} // namespace

Result<QJsonObject> parseObject(const QByteArray &body)
{
    // Decided before parsing because QJsonDocument reports a top-level scalar
    // as a syntax error, not as the wrong kind of value.
    const auto start = std::find_if(body.begin(), body.end(), [](char c) { return !std::isspace(uchar(c)); });
    if (start != body.end() && *start != '{')
        return invalidJson(u"not_object"_qs, u"The request body must be a JSON object"_qs);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidJson(u"syntax"_qs, u"The request body is not valid JSON: "_qs + parseError.errorString());
    if (hasDuplicateKey(body))
        return invalidJson(u"duplicate_key"_qs, u"The request body repeats a key"_qs);
    return document.object();
}

} // namespace ddd::core::wire
