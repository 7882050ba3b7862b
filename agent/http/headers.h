// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace ddd::agent::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers final
{
public:
    void add(QByteArray name, QByteArray value);
    void set(const QByteArray &name, QByteArray value);
    void remove(const QByteArray &name);
    bool contains(const QByteArray &name) const;
    // The first value of `name`, or `fallback`.
    QByteArray value(const QByteArray &name, const QByteArray &fallback = {}) const;
    QList<QByteArray> values(const QByteArray &name) const;
    int count(const QByteArray &name) const;
    const QList<std::pair<QByteArray, QByteArray>> &all() const { return m_fields; }

private:
    QList<std::pair<QByteArray, QByteArray>> m_fields;
};

} // namespace ddd::agent::http
