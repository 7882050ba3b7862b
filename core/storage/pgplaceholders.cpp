// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pgplaceholders.h"

#include <algorithm>

namespace ddd::core::storage {

namespace {

// Copies from `at` up to and including the closing `quote` ('' and "" are
// escaped quotes, which simply close and reopen).
qsizetype copyQuoted(const QByteArray &in, qsizetype at, char quote, QByteArray &out)
{
    const qsizetype end = in.indexOf(quote, at + 1);
    const qsizetype stop = end < 0 ? in.size() : end + 1;
    out.append(in.constData() + at, stop - at);
    return stop;
}

qsizetype copyLineComment(const QByteArray &in, qsizetype at, QByteArray &out)
{
    const qsizetype end = in.indexOf('\n', at);
    const qsizetype stop = end < 0 ? in.size() : end;
    out.append(in.constData() + at, stop - at);
    return stop;
}

} // namespace

PgPlaceholders::Translated PgPlaceholders::translate(const QString &sql)
{
    const QByteArray in = sql.toUtf8();
    Translated result;
    result.sql.reserve(in.size());
    qsizetype at = 0;
    while (at < in.size()) {
        const char c = in[at];
        if (c == '\'' || c == '"') {
            at = copyQuoted(in, at, c, result.sql);
        } else if (c == '-' && at + 1 < in.size() && in[at + 1] == '-') {
            at = copyLineComment(in, at, result.sql);
        } else if (c == '?') {
            qsizetype digits = at + 1;
            while (digits < in.size() && in[digits] >= '0' && in[digits] <= '9')
                ++digits;
            const QByteArray number = in.mid(at + 1, digits - at - 1);
            result.parameterCount = std::max(result.parameterCount, number.toInt());
            result.sql.append('$').append(number);
            at = digits;
        } else {
            result.sql.append(c);
            ++at;
        }
    }
    return result;
}

} // namespace ddd::core::storage
