// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/byterange.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace ddd::agent::site {

namespace {

// Digits only; a value too large for qint64 saturates (it is beyond any file).
std::optional<qint64> readNumber(QByteArrayView digits)
{
    if (digits.isEmpty())
        return std::nullopt;
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    qint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        value = value > (max - digit) / 10 ? max : value * 10 + digit;
    }
    return value;
}

} // namespace

ByteRange ByteRange::parse(QByteArrayView field, qint64 size)
{
    const QByteArrayView trimmed = field.trimmed();
    constexpr QByteArrayView unit = "bytes=";
    if (trimmed.size() <= unit.size() || trimmed.first(unit.size()).compare(unit, Qt::CaseInsensitive) != 0)
        return {};
    const QByteArrayView spec = trimmed.sliced(unit.size()).trimmed();
    if (spec.contains(','))
        return {};
    return spec.startsWith('-') ? suffix(spec.sliced(1), size) : span(spec, size);
}

// "-n": the last n bytes, or the whole file when it is shorter.
ByteRange ByteRange::suffix(QByteArrayView digits, qint64 size)
{
    const std::optional<qint64> count = readNumber(digits);
    ByteRange range;
    if (!count)
        return range;
    if (*count == 0 || size == 0) {
        range.m_kind = Kind::Unsatisfiable;
        return range;
    }
    range.m_kind = Kind::Satisfiable;
    range.m_length = std::min(*count, size);
    range.m_first = size - range.m_length;
    return range;
}

// "a-b" or "a-": b is clamped to the last byte; a beyond the end cannot be served.
ByteRange ByteRange::span(QByteArrayView spec, qint64 size)
{
    const qsizetype dash = spec.indexOf('-');
    ByteRange range;
    if (dash < 0)
        return range;
    const std::optional<qint64> first = readNumber(spec.first(dash));
    const QByteArrayView lastDigits = spec.sliced(dash + 1);
    const std::optional<qint64> last = lastDigits.isEmpty() ? std::optional<qint64>(size - 1) : readNumber(lastDigits);
    if (!first || !last || (!lastDigits.isEmpty() && *last < *first))
        return range;
    if (*first >= size) {
        range.m_kind = Kind::Unsatisfiable;
        return range;
    }
    range.m_kind = Kind::Satisfiable;
    range.m_first = *first;
    range.m_length = std::min(*last, size - 1) - *first + 1;
    return range;
}

QByteArray ByteRange::contentRange(qint64 size) const
{
    if (m_kind != Kind::Satisfiable)
        return "bytes */" + QByteArray::number(size);
    return "bytes " + QByteArray::number(m_first) + '-' + QByteArray::number(m_first + m_length - 1) + '/'
        + QByteArray::number(size);
}

} // namespace ddd::agent::site
