// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/stagingslug.h"

#include "core/util/random.h"

namespace ddd::core {

namespace {

constexpr char Alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr int Letters = 26;
constexpr int LettersAndDigits = 36;

// Hands out random bytes, fetching a slug's worth at a time from Random.
class ByteSource final
{
public:
    explicit ByteSource(Random &random) : m_random(random) {}
    int next()
    {
        if (m_position == m_buffer.size()) {
            m_buffer = m_random.bytes(2 * StagingSlug::Length);
            m_position = 0;
        }
        return uchar(m_buffer[m_position++]);
    }

private:
    Random &m_random;
    QByteArray m_buffer;
    qsizetype m_position = 0;
};

// Picks a character from the first `range` of Alphabet. Bytes at or above the
// largest multiple of `range` are thrown away so every character is equally likely.
QChar draw(ByteSource &source, int range)
{
    const int limit = 256 - 256 % range;
    for (;;) {
        const int value = source.next();
        if (value < limit)
            return QLatin1Char(Alphabet[value % range]);
    }
}

} // namespace

QString StagingSlug::generate(Random &random)
{
    QString slug;
    slug.reserve(Length);
    ByteSource source(random);
    slug.append(draw(source, Letters));
    while (slug.size() < Length)
        slug.append(draw(source, LettersAndDigits));
    return slug;
}

bool StagingSlug::isValid(const QString &slug)
{
    if (slug.size() != Length || !(slug[0] >= u'a' && slug[0] <= u'z'))
        return false;
    for (const QChar c : slug) {
        const bool lowerAlnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!lowerAlnum)
            return false;
    }
    return true;
}

} // namespace ddd::core
