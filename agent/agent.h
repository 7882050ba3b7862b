// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/agentconfig.h"
#include "core/build/buildservice.h"
#include "core/util/result.h"

#include <QByteArray>

#include <functional>
#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::agent {

namespace api {
struct Route;
}

// The agent's object graph, built in one place from its configuration:
// database (migrated) -> stores -> services -> controllers -> route table ->
// HTTP servers. Tests build the same graph in-process on port 0.
class Agent final
{
public:
    Agent(AgentConfig config, const core::Clock &clock);
    ~Agent();
    Agent(const Agent &) = delete;
    Agent &operator=(const Agent &) = delete;

    // Prepares the data root (0700), opens and migrates the database, loads or
    // creates the signing key, and builds the services, repairing the data
    // root after a crash. No sockets yet.
    core::Status open();
    // Only what account administration needs (`ddd-agent user add`): the
    // database and the account services. It never touches staging or blobs,
    // so it is safe beside a running agent that is mid-upload.
    core::Status openAccounts();
    // Starts the API and site listeners.
    core::Status start();
    void stop();

    quint16 apiPort() const;
    quint16 sitePort() const;
    // The site HTTPS listener's port; 0 while the agent has no certificate.
    quint16 siteHttpsPort() const;
    // Re-reads tls.cert_file/key_file and <data_dir>/certificates and swaps
    // the site certificates in without a restart; opens the HTTPS listener
    // when the first certificate appears. SIGHUP calls it, and so may
    // whatever installs a certificate, from any thread:
    // std::function<void()> reload = [&agent] { agent.reloadCertificates(); };
    // Fails only when the HTTPS port cannot be bound (http.bind_failed).
    core::Status reloadCertificates();
    const AgentConfig &config() const;
    qint64 userCount();
    // The API route table, for the test that checks docs/api.md against it.
    QList<api::Route> routes() const;
    // `ddd-agent user add`: creates an account; bootstrap passwords need 12+ characters.
    core::Status addUser(const QString &email, const QString &password, const QString &role);
    // Tests that move the clock: the certificate manager looks again now
    // instead of at its next check.
    void checkCertificatesNow();
    // Tests: blocks until the background precompression of everything
    // deployed so far is done (it reads blobs, and fetches evicted ones).
    void waitForVariants();
    // Tests: a garbage collection round in the shared bucket (blobs.s3.*)
    // now, returning when it is over (or failed and waits to retry), and a
    // round of the local cache (capped, or of a follower's copies).
    void sweepBucketNow();
    // Before open(): builds run through `engine` instead of BuildEngine, so
    // tests of the queue can hold a build running as long as they need.
    void replaceBuildEngine(core::build::BuildService::Engine engine);
    // Tests: access-log lines (batches of JSON lines) go here instead of
    // stderr. Call before start().
    void replaceAccessLogWriter(std::function<void(const QByteArray &)> writer);

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace ddd::agent
