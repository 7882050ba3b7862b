// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/headers.h"

namespace ddd::agent::http {

namespace {
bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

void Headers::add(QByteArray name, QByteArray value)
{
    m_fields.append({std::move(name), std::move(value)});
}

void Headers::set(const QByteArray &name, QByteArray value)
{
    remove(name);
    add(name, std::move(value));
}

void Headers::remove(const QByteArray &name)
{
    m_fields.removeIf([&](const auto &field) { return sameName(field.first, name); });
}

bool Headers::contains(const QByteArray &name) const
{
    return count(name) > 0;
}

QByteArray Headers::value(const QByteArray &name, const QByteArray &fallback) const
{
    for (const auto &field : m_fields)
        if (sameName(field.first, name))
            return field.second;
    return fallback;
}

QList<QByteArray> Headers::values(const QByteArray &name) const
{
    QList<QByteArray> result;
    for (const auto &field : m_fields)
        if (sameName(field.first, name))
            result.append(field.second);
    return result;
}

int Headers::count(const QByteArray &name) const
{
    int n = 0;
    for (const auto &field : m_fields)
        n += sameName(field.first, name) ? 1 : 0;
    return n;
}

} // namespace ddd::agent::http
