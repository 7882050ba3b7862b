// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/jsonlinewriter.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace ddd::agent {

namespace {

// UTF-16 straight into escaped UTF-8, without a temporary: ASCII (nearly
// every character of a log line) is handled inline, anything else is
// converted a character (or surrogate pair) at a time.
void appendEscaped(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            const qsizetype length = QChar::isHighSurrogate(c) && i + 1 < text.size() ? 2 : 1;
            out += text.mid(i, length).toUtf8();
            i += length - 1;
        } else if (c == u'"' || c == u'\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += char(c);
        }
    }
}

// Latin-1 bytes (a request method as sent): a byte above 0x7f is the code
// point of the same number, written as \u00XX.
void appendEscapedLatin1(QByteArray &out, const QByteArray &bytes)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte >= 0x7f) {
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
}

} // namespace

JsonLineWriter::JsonLineWriter()
{
    m_out.reserve(384);
    m_out += '{';
}

void JsonLineWriter::key(const char *name)
{
    if (m_out.size() > 1)
        m_out += ',';
    m_out += '"';
    m_out += name;
    m_out += "\":";
}

void JsonLineWriter::text(const char *name, const QString &value)
{
    key(name);
    m_out += '"';
    appendEscaped(m_out, value);
    m_out += '"';
}

void JsonLineWriter::latin1(const char *name, const char *value)
{
    key(name);
    m_out += '"';
    m_out += value;
    m_out += '"';
}

void JsonLineWriter::token(const char *name, const QByteArray &value)
{
    key(name);
    m_out += '"';
    appendEscapedLatin1(m_out, value);
    m_out += '"';
}

void JsonLineWriter::number(const char *name, qint64 value)
{
    key(name);
    m_out += QByteArray::number(value);
}

void JsonLineWriter::milliseconds(const char *name, double seconds)
{
    key(name);
    // Whole microseconds as "ms.uuu": integer formatting, several times
    // cheaper than Qt's locale-aware double conversion.
    const qint64 micros = std::max<qint64>(0, std::llround(seconds * 1e6));
    char digits[3] = {char('0' + micros / 100 % 10), char('0' + micros / 10 % 10), char('0' + micros % 10)};
    m_out += QByteArray::number(micros / 1000);
    m_out += '.';
    m_out.append(digits, 3);
}

void JsonLineWriter::boolean(const char *name, bool value)
{
    key(name);
    m_out += value ? "true" : "false";
}

QByteArray JsonLineWriter::finish()
{
    m_out += "}\n";
    return std::move(m_out);
}

void JsonLineWriter::time(const char *name, qint64 msSinceEpoch)
{
    // The date part changes once a second: formatting it once per second
    // and thread saves most of QDateTime's cost.
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cachedPrefix;
    const qint64 second = msSinceEpoch / 1000;
    if (second != cachedSecond) {
        cachedSecond = second;
        cachedPrefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_qs).toLatin1();
    }
    const int millis = int(msSinceEpoch % 1000);
    const char digits[5] = {'.', char('0' + millis / 100), char('0' + millis / 10 % 10), char('0' + millis % 10), 'Z'};
    key(name);
    m_out += '"';
    m_out += cachedPrefix;
    m_out.append(digits, 5);
    m_out += '"';
}

} // namespace ddd::agent
