// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/headers.h"

#include <utility>

namespace ddd::agent::http {

namespace {
char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
}

// Field names are ASCII tokens: folding by hand, inline, was a twentieth of
// a small file's answer when it went through Qt's general comparison.
bool sameName(const QByteArray &a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    const char *left = a.constData();
    const char *right = b.data();
    for (qsizetype i = 0; i < b.size(); ++i)
        if (left[i] != right[i] && asciiLower(left[i]) != asciiLower(right[i]))
            return false;
    return true;
}

// Most answers carry under a dozen fields: one allocation for all of them.
constexpr qsizetype kTypicalFields = 12;
} // namespace

void Headers::add(QByteArray name, QByteArray value)
{
    if (m_fields.capacity() == 0)
        m_fields.reserve(kTypicalFields);
    m_fields.append({std::move(name), std::move(value)});
}

// One pass: every site answer sets about ten fields, nearly all new.
void Headers::set(QByteArray name, QByteArray value)
{
    qsizetype first = -1;
    bool repeated = false;
    const auto &fields = std::as_const(m_fields); // no detach check per field
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (!sameName(fields[i].first, name))
            continue;
        repeated = first >= 0;
        if (first < 0)
            first = i;
    }
    if (first < 0) {
        add(std::move(name), std::move(value));
        return;
    }
    for (qsizetype i = fields.size() - 1; repeated && i > first; --i)
        if (sameName(fields[i].first, name))
            m_fields.removeAt(i);
    m_fields[first] = {std::move(name), std::move(value)};
}

void Headers::remove(QByteArrayView name)
{
    if (contains(name))
        m_fields.removeIf([&](const auto &field) { return sameName(field.first, name); });
}

bool Headers::contains(QByteArrayView name) const
{
    for (const auto &field : m_fields)
        if (sameName(field.first, name))
            return true;
    return false;
}

QByteArray Headers::value(QByteArrayView name, const QByteArray &fallback) const
{
    for (const auto &field : m_fields)
        if (sameName(field.first, name))
            return field.second;
    return fallback;
}

QList<QByteArray> Headers::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const auto &field : m_fields)
        if (sameName(field.first, name))
            result.append(field.second);
    return result;
}

int Headers::count(QByteArrayView name) const
{
    int n = 0;
    for (const auto &field : m_fields)
        n += sameName(field.first, name) ? 1 : 0;
    return n;
}

} // namespace ddd::agent::http
