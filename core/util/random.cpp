// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/random.h"

#include <QList>
#include <QRandomGenerator>

#include <cstring>

namespace ddd::core {

QByteArray SystemRandom::bytes(qsizetype count)
{
    QList<quint32> words((count + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray out(count, Qt::Uninitialized);
    std::memcpy(out.data(), words.constData(), size_t(count));
    return out;
}

} // namespace ddd::core
