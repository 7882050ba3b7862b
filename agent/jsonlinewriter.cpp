// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/jsonlinewriter.h"

#include <QDateTime>

#include <cstdio>

namespace ddd::agent {

namespace {

void appendEscaped(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7f) {
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
    appendEscaped(m_out, value.toUtf8());
    m_out += '"';
}

void JsonLineWriter::latin1(const char *name, const char *value)
{
    key(name);
    m_out += '"';
    m_out += value;
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
    m_out += QByteArray::number(seconds * 1000, 'f', 3);
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

QString JsonLineWriter::isoTime(qint64 msSinceEpoch)
{
    // The date part changes once a second: formatting it once per second
    // and thread saves most of QDateTime's cost.
    thread_local qint64 cachedSecond = -1;
    thread_local QString cachedPrefix;
    const qint64 second = msSinceEpoch / 1000;
    if (second != cachedSecond) {
        cachedSecond = second;
        cachedPrefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_qs);
    }
    char millis[8];
    std::snprintf(millis, sizeof millis, ".%03dZ", int(msSinceEpoch % 1000));
    return cachedPrefix + QLatin1StringView(millis);
}

} // namespace ddd::agent
