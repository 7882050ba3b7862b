// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::agent {

// Builds one compact JSON object on one line, field by field, straight into
// bytes: several times cheaper than QJsonObject + QJsonDocument, which
// matters at one line per served request. Keys are trusted literals; text
// values are escaped (quotes, backslashes, control characters), so a
// request path cannot break out of its field or the line.
class JsonLineWriter final
{
public:
    JsonLineWriter();

    void text(const char *key, const QString &value);
    void latin1(const char *key, const char *value); // a trusted ASCII value, not escaped
    void token(const char *key, const QByteArray &value); // Latin-1 bytes (a method), escaped
    void time(const char *key, qint64 msSinceEpoch);      // "2026-12-03T10:02:31.123Z"
    void number(const char *key, qint64 value);
    void milliseconds(const char *key, double seconds); // seconds as milliseconds, 3 decimals
    void boolean(const char *key, bool value);
    // The object with its closing brace and a newline.
    QByteArray finish();

private:
    void key(const char *name);

    QByteArray m_out;
};

} // namespace ddd::agent
