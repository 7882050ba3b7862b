// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/preparedanswers.h"

#include "agent/http/request.h"
#include "agent/site/acmechallengestage.h"
#include "agent/http/responseserializer.h"
#include "agent/site/sharetoken.h"
#include "agent/site/siteexchange.h"

namespace ddd::agent::site {

namespace {

enum class Field { Other, Host, Accept, AcceptEncoding, Authorization, Varies };

bool sameName(const QByteArray &name, QByteArrayView wanted)
{
    return name.size() == wanted.size() && name.compare(wanted, Qt::CaseInsensitive) == 0;
}

// Sized first: most fields of a browser's request are none of these.
Field fieldOf(const QByteArray &name)
{
    switch (name.size()) {
    case 4: return sameName(name, "Host") ? Field::Host : Field::Other;
    case 5: return sameName(name, "Range") ? Field::Varies : Field::Other;
    case 6: return sameName(name, "Accept") ? Field::Accept : Field::Other;
    case 8: return sameName(name, "If-Range") ? Field::Varies : Field::Other;
    case 13:
        return sameName(name, "If-None-Match") ? Field::Varies
            : sameName(name, "Authorization")  ? Field::Authorization
                                               : Field::Other;
    case 15: return sameName(name, "Accept-Encoding") ? Field::AcceptEncoding : Field::Other;
    default: return Field::Other;
    }
}

// One value per keyed field: several would be read as a list.
bool takeOnce(QByteArray &slot, bool &seen, const QByteArray &value)
{
    if (seen)
        return false;
    seen = true;
    slot = value;
    return true;
}

// Answers that are the same for every request with the key: never a server
// failure (it may clear up) and never an answer that stayed unfinished.
bool keptStatus(int status)
{
    switch (status) {
    case 200: case 301: case 302: case 303: case 307: case 308: case 400: case 404: case 410: case 451:
        return true;
    default:
        return false;
    }
}

} // namespace

bool PreparedAnswers::Key::operator==(const Key &other) const
{
    return hash == other.hash && secure == other.secure && target == other.target && host == other.host
        && hostField == other.hostField && accept == other.accept && acceptEncoding == other.acceptEncoding
        && authorization == other.authorization;
}

std::optional<PreparedAnswers::Key> PreparedAnswers::keyOf(const http::Request &request)
{
    if ((request.method != "GET" && request.method != "HEAD") || AcmeChallengeStage::isChallengePath(request.path))
        return std::nullopt;
    Key key{request.host, {}, request.target, {}, {}, {}, request.secure, 0};
    bool hostSeen = false, acceptSeen = false, encodingSeen = false, authorizationSeen = false;
    for (const auto &[name, value] : request.headers.all()) {
        bool once = true;
        switch (fieldOf(name)) {
        case Field::Other: break;
        case Field::Varies: return std::nullopt;
        case Field::Host: once = takeOnce(key.hostField, hostSeen, value); break;
        case Field::Accept: once = takeOnce(key.accept, acceptSeen, value); break;
        case Field::AcceptEncoding: once = takeOnce(key.acceptEncoding, encodingSeen, value); break;
        case Field::Authorization: once = takeOnce(key.authorization, authorizationSeen, value); break;
        }
        if (!once)
            return std::nullopt;
    }
    // The target and host tell most keys apart; the rest is left to ==
    // (hashing all six was a thirtieth of a kept answer's cost).
    key.hash = qHashMulti(0, key.target, key.host);
    return key;
}

PreparedAnswers::Shard &PreparedAnswers::shardFor(const Key &key) const
{
    return m_shards[key.hash % kShards];
}

std::shared_ptr<const PreparedAnswers::Answer> PreparedAnswers::find(const Key &key, const Stamp &stamp) const
{
    Shard &shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    const auto found = shard.answers.constFind(key);
    if (found == shard.answers.constEnd() || (*found)->stamp != stamp)
        return nullptr;
    return *found;
}

void PreparedAnswers::noteUsed(const Key &key)
{
    Shard &shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    ++shard.hits;
}

quint64 PreparedAnswers::hits() const
{
    quint64 total = 0;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        total += shard.hits;
    }
    return total;
}

int PreparedAnswers::size() const
{
    int total = 0;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        total += int(shard.answers.size());
    }
    return total;
}

void PreparedAnswers::keep(Ticket ticket, const SiteExchange &exchange, const http::Response &response,
                           QString metricsHost)
{
    Shard &shard = shardFor(ticket.key);
    {
        std::lock_guard lock(shard.mutex);
        if (!seenBefore(shard, ticket.key))
            return;
    }
    std::optional<Answer> answer = answerFrom(ticket.key, exchange, response);
    if (!answer)
        return;
    answer->stamp = ticket.stamp;
    answer->metricsHost = std::move(metricsHost);
    auto kept = std::make_shared<const Answer>(std::move(*answer));
    std::lock_guard lock(shard.mutex);
    if (shard.answers.size() >= kAnswersPerShard && !shard.answers.contains(ticket.key))
        shard.answers.clear();
    shard.answers.insert(std::move(ticket.key), std::move(kept));
}

// True when a key with this hash (host and target) came to its slot last;
// otherwise the key only takes the slot. A hash of 0 counts as seen (an
// empty slot holds 0).
bool PreparedAnswers::seenBefore(Shard &shard, const Key &key)
{
    size_t &slot = shard.seen[(key.hash / kShards) % kSeenPerShard];
    const bool seen = slot == key.hash;
    slot = key.hash;
    return seen;
}

std::optional<PreparedAnswers::Answer> PreparedAnswers::answerFrom(const Key &key, const SiteExchange &exchange,
                                                                    const http::Response &response)
{
    // Let in by a password: kept for that password only, to be checked again.
    // Let in by a share link (its cookie comes first): never.
    const bool guarded = exchange.access == SiteExchange::Access::Granted && !key.authorization.isEmpty()
        && !ShareToken::fromCookies(exchange.request.headers);
    if (exchange.preview || (exchange.access != SiteExchange::Access::Public && !guarded) || exchange.arriving
        || !keptStatus(response.status) || response.stream || !response.filePath.isEmpty()
        || response.closeConnection)
        return std::nullopt;
    Answer answer{response, std::nullopt, {}, {}, guarded, false};
    if (guarded)
        answer.productionHost = exchange.site->domain && *exchange.site->domain == exchange.request.host;
    if (response.file) {
        if (!exchange.served || !response.body.isEmpty() || response.fileOffset != 0
            || response.fileLength != exchange.served->length)
            return std::nullopt;
        answer.blob = BlobBody{exchange.served->file.sha256, exchange.served->coding, exchange.served->length};
        answer.response.file.reset();
    }
    core::Result<QByteArray> head = http::ResponseSerializer::prepare(response);
    if (!head)
        return std::nullopt;
    answer.response.preparedHead = std::move(*head);
    answer.response.headOnly = false;
    return answer;
}

} // namespace ddd::agent::site
