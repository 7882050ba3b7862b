// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/responseserializer.h"

#include "agent/http/asiostreams.h"

#include <boost/beast/http/status.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ddd::agent::http {

namespace {

// RFC 9110 tchar, as a table: a search of the separators per character was
// a twentieth of a small file's whole answer.
constexpr std::array<bool, 256> tokenChars()
{
    std::array<bool, 256> table{};
    constexpr std::string_view separators = "\"(),/:;<=>?@[\\]{}";
    for (int c = 0x21; c < 0x7f; ++c)
        table[size_t(c)] = separators.find(char(c)) == std::string_view::npos;
    return table;
}

// Plain loops over tables: through std::all_of and a function pointer the
// checks of every field of every answer were a fifteenth of a small file's.
bool isValidName(const QByteArray &name)
{
    static constexpr std::array<bool, 256> tokenTable = tokenChars();
    bool valid = !name.isEmpty();
    for (const char c : name)
        valid &= tokenTable[static_cast<unsigned char>(c)];
    return valid;
}

// 0x01 in every byte of a word: multiplied by a byte, that byte in every one.
constexpr std::uint64_t kEveryByte = 0x0101010101010101u;

// Whether any byte of `word` is zero: exact, eight bytes at a time.
constexpr bool hasZeroByte(std::uint64_t word)
{
    return ((word - kEveryByte) & ~word & (kEveryByte * 0x80)) != 0;
}

// CR, LF and NUL could split or end the head; every other byte may stand in
// a value (obs-text included). Eight bytes at a time: a byte at a time, the
// values of every answer were a twelfth of a small file's.
bool isValidValue(const QByteArray &value)
{
    const char *bytes = value.constData();
    const qsizetype size = value.size();
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        if (hasZeroByte(word) || hasZeroByte(word ^ (kEveryByte * '\r')) || hasZeroByte(word ^ (kEveryByte * '\n')))
            return false;
    }
    for (; i < size; ++i)
        if (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == '\0')
            return false;
    return true;
}

bool isFramingField(const QByteArray &name)
{
    // Sized first: four case-insensitive comparisons per field were a
    // twentieth of a small file's answer.
    switch (name.size()) {
    case 10:
        return name.compare("Connection", Qt::CaseInsensitive) == 0
            || name.compare("Keep-Alive", Qt::CaseInsensitive) == 0;
    case 14:
        return name.compare("Content-Length", Qt::CaseInsensitive) == 0;
    case 17:
        return name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
    default:
        return false;
    }
}

core::Error badHead(const QString &what)
{
    return core::Error::make(u"internal"_qs, u"handler produced an invalid response head: "_qs + what);
}

// Writes a head into a buffer sized up front: QByteArray::append goes
// through insert() and was, with a temporary per field, a sixth of a small
// file's whole answer.
class HeadWriter final
{
public:
    explicit HeadWriter(qsizetype capacity) : m_head(capacity, Qt::Uninitialized), m_at(m_head.data()) {}

    HeadWriter &put(std::string_view text)
    {
        std::memcpy(m_at, text.data(), text.size());
        m_at += text.size();
        return *this;
    }
    template<size_t N>
    HeadWriter &put(const char (&text)[N])
    {
        return put(std::string_view(text, N - 1));
    }
    HeadWriter &put(const QByteArray &text) { return put(std::string_view(text.constData(), size_t(text.size()))); }
    HeadWriter &put(qint64 number)
    {
        m_at = std::to_chars(m_at, m_at + 20, number).ptr;
        return *this;
    }
    template<typename Value>
    void field(std::string_view name, const Value &value)
    {
        put(name).put(": ").put(value).put("\r\n");
    }
    QByteArray finish()
    {
        m_head.truncate(m_at - m_head.constData());
        return std::move(m_head);
    }

private:
    QByteArray m_head;
    char *m_at;
};

// Room for what head() adds itself: status line, Date, Content-Length,
// Connection and the blank line.
constexpr qsizetype kOwnFieldsBytes = 160;

} // namespace

// The status line and the handler's fields, checked: what prepare() keeps.
core::Result<QByteArray> ResponseSerializer::prepare(const Response &response)
{
    return writeHead(response, {}, nullptr);
}

core::Result<QByteArray> ResponseSerializer::head(const Response &response, const Framing &framing,
                                                  const QByteArray &date)
{
    return writeHead(response, date, &framing);
}

// Without `framing`, only the status line and the handler's fields (no Date,
// no framing, no blank line): the part prepare() keeps for later answers.
core::Result<QByteArray> ResponseSerializer::writeHead(const Response &response, const QByteArray &date,
                                                       const Framing *framing)
{
    const QByteArray &prepared = response.preparedHead;
    if (response.status < 100 || response.status > 599)
        return badHead(u"status "_qs + QString::number(response.status));
    const auto reason = beast::http::obsolete_reason(static_cast<beast::http::status>(response.status));
    qsizetype capacity = kOwnFieldsBytes + qsizetype(reason.size()) + date.size() + prepared.size();
    if (prepared.isEmpty()) {
        for (const auto &[name, value] : response.headers.all()) {
            if (!isValidName(name) || !isValidValue(value))
                return badHead(u"field "_qs + QString::fromLatin1(name.toPercentEncoding()));
            capacity += name.size() + value.size() + 4;
        }
    }
    HeadWriter head(capacity);
    if (!prepared.isEmpty()) {
        head.put(prepared);
    } else {
        head.put("HTTP/1.1 ").put(qint64(response.status)).put(" ").put(std::string_view(reason.data(), reason.size()));
        head.put("\r\n");
        for (const auto &[name, value] : response.headers.all()) {
            if (!isFramingField(name))
                head.field(std::string_view(name.constData(), size_t(name.size())), value);
        }
    }
    if (!framing)
        return head.finish();
    if (!response.headers.contains("Date"))
        head.field("Date", date);
    if (statusAllowsBody(response.status) && !framing->untilClose)
        head.field("Content-Length", framing->bodyLength);
    if (!framing->keepAlive)
        head.field("Connection", std::string_view("close"));
    else if (framing->http10Client)
        head.field("Connection", std::string_view("keep-alive"));
    head.put("\r\n");
    return head.finish();
}

core::Status ResponseSerializer::checkHead(const Response &response)
{
    if (response.status < 100 || response.status > 599)
        return badHead(u"status "_qs + QString::number(response.status));
    for (const auto &[name, value] : response.headers.all())
        if (!isValidName(name) || !isValidValue(value))
            return badHead(u"field "_qs + QString::fromLatin1(name.toPercentEncoding()));
    return {};
}

bool ResponseSerializer::statusAllowsBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace ddd::agent::http
