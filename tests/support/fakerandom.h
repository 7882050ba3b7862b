// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/random.h"

#include <QList>

namespace ddd::test {

// Scripted randomness: the n-th call to bytes() answers with every byte set
// to the n-th scripted value; once the script is used up the last value
// repeats. Unscripted, call n fills with n % 256, so successive draws differ.
class FakeRandom final : public core::Random
{
public:
    void script(QList<quint8> fills)
    {
        m_fills = std::move(fills);
        m_calls = 0;
    }

    QByteArray bytes(qsizetype count) override
    {
        const qsizetype call = m_calls++;
        if (m_fills.isEmpty())
            return QByteArray(count, char(call % 256));
        return QByteArray(count, char(m_fills.at(qMin(call, m_fills.size() - 1))));
    }

    qsizetype calls() const { return m_calls; }

private:
    QList<quint8> m_fills;
    qsizetype m_calls = 0;
};

} // namespace ddd::test
