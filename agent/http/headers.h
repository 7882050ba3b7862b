// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstddef>

#include <utility>

namespace ddd::agent::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers final
{
public:
    void add(QByteArray name, QByteArray value);
    void set(QByteArray name, QByteArray value);
    // Names given as string literals are referenced, not copied, and so are
    // values given to set() as literals (how the site stages set theirs): a
    // copy per field was a tenth of a small file's answer.
    template<std::size_t N>
    void add(const char (&literal)[N], QByteArray value)
    {
        add(QByteArray::fromRawData(literal, N - 1), std::move(value));
    }
    template<std::size_t N>
    void set(const char (&literal)[N], QByteArray value)
    {
        set(QByteArray::fromRawData(literal, N - 1), std::move(value));
    }
    template<std::size_t N, std::size_t M>
    void set(const char (&name)[N], const char (&value)[M])
    {
        set(QByteArray::fromRawData(name, N - 1), QByteArray::fromRawData(value, M - 1));
    }
    void remove(QByteArrayView name);
    bool contains(QByteArrayView name) const;
    // The first value of `name`, or `fallback`.
    QByteArray value(QByteArrayView name, const QByteArray &fallback = {}) const;
    QList<QByteArray> values(QByteArrayView name) const;
    int count(QByteArrayView name) const;
    const QList<std::pair<QByteArray, QByteArray>> &all() const { return m_fields; }

private:
    QList<std::pair<QByteArray, QByteArray>> m_fields;
};

} // namespace ddd::agent::http
