// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/response.h"
#include "core/blobs/blobvariant.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <memory>
#include <mutex>
#include <optional>

namespace ddd::agent::http {
struct Request;
}

namespace ddd::agent::site {

struct SiteExchange;

// Answers the site pipeline gave, kept so that a request the same in
// everything the stages read gets the same answer without running them
// again: the stages, the response's fields and its head cost more than the
// rest of a small answer together.
//
// An answer stands while its Stamp does: the LiveSites snapshot it came from
// (activation, settings, protection, rules and variants all publish a new
// one) and the HTTPS port. Only answers that depend on nothing else are kept:
// public hosts, or a protected host's answer to a password (checked again
// each time; never a share link or a preview), every stage run on the I/O
// thread, a body from memory or a blob (reopened through the descriptor
// cache on each use, so a blob gone from the disk is served the long way). A stage that starts reading another request field must add it
// to Key or to keyOf()'s refusals.
class PreparedAnswers final
{
public:
    // What the stages read of a request that may be answered from here.
    struct Key
    {
        QString host;              // Request::host (HostStage, redirects)
        QByteArray hostField;      // Host as sent: its port stays in redirects
        QByteArray target;         // path and query as sent
        QByteArray accept;         // SiteFileChoice (a page or a 404 for browsers)
        QByteArray acceptEncoding; // EncodingChoice
        QByteArray authorization;  // AccessStage, on a protected host
        bool secure = false;       // HTTPS redirect, HSTS, canonical scheme
        size_t hash = 0;
        bool operator==(const Key &other) const;
        friend size_t qHash(const Key &key, size_t seed = 0) { return key.hash ^ seed; }
    };
    // What else an answer stands on, read before the stages run.
    struct Stamp
    {
        quint64 generation = 0; // LiveSites::generation()
        quint16 httpsPort = 0;
        bool operator==(const Stamp &) const = default;
    };
    struct Ticket
    {
        Key key;
        Stamp stamp;
    };
    // A blob body, opened again for each answer.
    struct BlobBody
    {
        QByteArray sha256;
        std::optional<core::blobs::ContentCoding> coding;
        qint64 length = 0;
    };
    struct Answer
    {
        http::Response response; // with its prepared head, without a file
        std::optional<BlobBody> blob;
        QString metricsHost;
        Stamp stamp;
        // Given to the password in Key::authorization, which must be let in
        // again for each answer (SiteAccess::checkPassword: throttling and
        // remembered credentials as for any request).
        bool guarded = false;
        bool productionHost = false; // SiteAccess::Target::productionHost
    };
    static constexpr int kShards = 8;
    static constexpr int kAnswersPerShard = 256;
    // Paths seen once, per shard (by Key::hash: host and target): an answer
    // is kept from the second request for its path on, so paths asked for
    // once (a crawler's 404s) never push out the hot ones. A kept answer was
    // measured at about 3.4 KiB of heap.
    static constexpr int kSeenPerShard = 1024;

    // The key of a GET or HEAD whose answer depends only on it; nullopt for
    // other methods, for conditions and ranges (their answers vary with
    // them), for ACME challenges (they change without a new snapshot) and
    // for repeated fields the key holds one of.
    static std::optional<Key> keyOf(const http::Request &request);
    // The kept answer for `key` if it still stands under `stamp`.
    std::shared_ptr<const Answer> find(const Key &key, const Stamp &stamp) const;
    // Keeps `response` to the request `ticket` was made for, when it depends
    // on nothing the key and stamp do not hold and its path was seen before.
    // A full shard starts afresh: hosts and paths sent at random cost
    // answers, never memory.
    void keep(Ticket ticket, const SiteExchange &exchange, const http::Response &response, QString metricsHost);
    // Counts an answer found under `key` that was given.
    void noteUsed(const Key &key);
    // Answers given from here, and answers kept (for tests and benchmarks).
    quint64 hits() const;
    int size() const;

private:
    struct Shard
    {
        std::mutex mutex;
        QHash<Key, std::shared_ptr<const Answer>> answers;
        quint64 hits = 0; // counted under the mutex: no counter shared by all threads
        std::array<size_t, kSeenPerShard> seen{}; // key hashes, by hash
    };
    static bool seenBefore(Shard &shard, const Key &key);
    static std::optional<Answer> answerFrom(const Key &key, const SiteExchange &exchange,
                                            const http::Response &response);
    Shard &shardFor(const Key &key) const;

    mutable std::array<Shard, kShards> m_shards;
};

} // namespace ddd::agent::site
