// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/acmesettings.h"
#include "core/acme/certificatestatus.h"
#include "core/acme/certificatestorage.h"
#include "core/acme/legorunner.h"
#include "core/acme/renewalpolicy.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

namespace ddd::core {
class Clock;
}

namespace ddd::core::acme {

// Obtains and renews one certificate per project with a production domain
// (its domain and aliases) by driving lego, on a thread of its own: lego
// runs for seconds, and one project at a time is enough for any server.
// Each pass asks RenewalPolicy which projects are due, runs lego for them,
// keeps what it obtained (CertificateStorage: files on one agent, the
// database when agents share one) and tells the site listener
// (certificatesChanged). A failure keeps the installed pair and is retried
// with backoff. Agents sharing a database each run a manager, and only the
// one holding the issuer lock (mayIssue) orders; the others stand by.
class CertificateManager final
{
public:
    struct Hooks
    {
        std::function<Result<QList<model::Project>>()> projects; // every project, any owner
        std::function<void()> certificatesChanged;               // a pair in the storage changed
        std::function<void()> threadExit;                        // e.g. close the thread's database connection
        // Whether this agent orders now (it holds the issuer lock); unset: always.
        std::function<bool()> mayIssue;
        // Tests: instead of LegoRunner::run.
        std::function<LegoOutcome(const LegoCommand &)> runLego;
    };

    // The worker re-reads the projects at least this often, whatever is due.
    static constexpr qint64 checkIntervalMs = 3600 * 1000;
    // An agent that may not order asks again this often, so another takes
    // over within a minute of the issuer's end.
    static constexpr qint64 standbyIntervalMs = 60 * 1000;

    // Without a storage, the files under the data root (CertificateFiles).
    CertificateManager(AcmeSettings settings, const Clock &clock, Hooks hooks,
                       std::unique_ptr<CertificateStorage> storage = nullptr);
    ~CertificateManager();
    CertificateManager(const CertificateManager &) = delete;
    CertificateManager &operator=(const CertificateManager &) = delete;

    // start() starts the worker, which runs a pass at once (certificates
    // that came due while the agent was down, orders a crash interrupted).
    void start();
    void stop();
    // Runs a pass soon: a project's domains changed, or a test moved its clock.
    void wake();
    // One pass on the calling thread; answers when the next one is due.
    qint64 runPass(const std::stop_token &stop = {});

    // As the storage has it: on a standby agent, what the issuer recorded.
    std::optional<CertificateStatus> status(qint64 projectId) const;
    const AcmeSettings &settings() const { return m_settings; }

private:
    struct Wanted
    {
        model::Project project;
        QStringList names;
    };

    std::optional<CertificateStatus> known(qint64 projectId) const;
    QList<Wanted> wantedCertificates();
    void forgetUnwanted(const QList<Wanted> &wanted);
    void attempt(const Wanted &wanted);
    CertificateStatus beginAttempt(const Wanted &wanted);
    void finishSuccess(CertificateStatus status, const QString &previousDomain, qint64 notAfterMs);
    void finishFailure(CertificateStatus status, const QString &error);
    Result<qint64> installObtained(const CertificateStatus &status) const; // the pair's notAfter
    void record(const CertificateStatus &status);
    void loop(std::stop_token stop);

    AcmeSettings m_settings;
    const Clock &m_clock;
    Hooks m_hooks;
    RenewalPolicy m_policy;
    std::unique_ptr<CertificateStorage> m_storage;

    mutable std::mutex m_mutex;
    QHash<qint64, CertificateStatus> m_statuses; // by project id, as of this pass
    std::condition_variable_any m_wakeup;
    bool m_woken = false;
    std::jthread m_thread;
};

} // namespace ddd::core::acme
