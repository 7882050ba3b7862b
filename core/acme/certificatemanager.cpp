// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificatemanager.h"

#include "core/acme/certificatefiles.h"
#include "core/acme/certificateinfo.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"
#include "core/wire/timestampjson.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <chrono>

namespace ddd::core::acme {

Q_LOGGING_CATEGORY(lcAcme, "ddd.core.acme")

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

CertificateManager::CertificateManager(AcmeSettings settings, const Clock &clock, Hooks hooks,
                                       std::unique_ptr<CertificateStorage> storage)
    : m_settings(std::move(settings)), m_clock(clock), m_hooks(std::move(hooks)), m_policy(m_settings.renewDays),
      m_storage(storage ? std::move(storage) : std::make_unique<CertificateFiles>(m_settings))
{
    if (!m_hooks.runLego)
        m_hooks.runLego = [timeout = m_settings.legoTimeoutMs](const LegoCommand &command) {
            return LegoRunner::run(command, timeout);
        };
}

CertificateManager::~CertificateManager()
{
    stop();
}

void CertificateManager::start()
{
    // lego writes the challenge files here and the site listener serves them;
    // its account key lives under lego/: the agent's user only.
    for (const QString &dir : {m_settings.acmeDir(), m_settings.webroot(), m_settings.legoDir()})
        QDir().mkpath(dir);
    QFile::setPermissions(m_settings.acmeDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_thread = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void CertificateManager::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_wakeup.notify_all();
    m_thread.join();
}

void CertificateManager::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wakeup.notify_all();
}

void CertificateManager::loop(std::stop_token stop)
{
    while (!stop.stop_requested()) {
        const qint64 next = runPass(stop);
        const qint64 waitMs = std::clamp<qint64>(next - m_clock.nowMs(), 1000, checkIntervalMs);
        std::unique_lock lock(m_mutex);
        m_wakeup.wait_for(lock, stop, std::chrono::milliseconds(waitMs), [this] { return m_woken; });
        m_woken = false;
    }
    if (m_hooks.threadExit)
        m_hooks.threadExit();
}

std::optional<CertificateStatus> CertificateManager::status(qint64 projectId) const
{
    return m_storage->status(projectId);
}

std::optional<CertificateStatus> CertificateManager::known(qint64 projectId) const
{
    std::lock_guard lock(m_mutex);
    auto found = m_statuses.constFind(projectId);
    return found == m_statuses.cend() ? std::nullopt : std::optional<CertificateStatus>(*found);
}

QList<CertificateManager::Wanted> CertificateManager::wantedCertificates()
{
    QList<Wanted> wanted;
    auto projects = m_hooks.projects();
    if (!projects) {
        qCWarning(lcAcme).noquote() << "cannot list projects for certificates:" << projects.error().message;
        return wanted;
    }
    for (const model::Project &project : *projects)
        if (QStringList names = RenewalPolicy::namesFor(project.domain, project.aliases); !names.isEmpty())
            wanted.append({project, names});
    return wanted;
}

// Statuses are read afresh each pass: with a shared database another
// agent may have ordered since this one last did.
qint64 CertificateManager::runPass(const std::stop_token &stop)
{
    if (m_hooks.mayIssue && !m_hooks.mayIssue())
        return m_clock.nowMs() + standbyIntervalMs;
    Result<QHash<qint64, CertificateStatus>> stored = m_storage->statuses();
    if (!stored) {
        qCWarning(lcAcme).noquote() << "cannot read the certificate statuses:" << stored.error().message;
        return m_clock.nowMs() + standbyIntervalMs;
    }
    {
        std::lock_guard lock(m_mutex);
        m_statuses = std::move(*stored);
    }
    const QList<Wanted> wanted = wantedCertificates();
    forgetUnwanted(wanted);
    qint64 earliest = m_clock.nowMs() + checkIntervalMs;
    for (const Wanted &item : wanted) {
        if (stop.stop_requested())
            break;
        qint64 due = m_policy.nextAttempt(known(item.project.id), item.names);
        if (due <= m_clock.nowMs()) {
            // Asked again before every order: the lock goes with its database
            // session, and another agent may hold it by now.
            if (m_hooks.mayIssue && !m_hooks.mayIssue())
                return m_clock.nowMs() + standbyIntervalMs;
            attempt(item);
            due = m_policy.nextAttempt(known(item.project.id), item.names);
        }
        if (auto current = known(item.project.id); current && current->nextAttemptMs != due) {
            current->nextAttemptMs = due;
            record(*current);
        }
        earliest = std::min(earliest, due);
    }
    return earliest;
}

// A project removed, or one that dropped its domain: its status goes, and so
// does the pair the agent installed for it (no other project can be using
// that pair: a domain belongs to one project).
void CertificateManager::forgetUnwanted(const QList<Wanted> &wanted)
{
    QList<CertificateStatus> gone;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_statuses.begin(); it != m_statuses.end();) {
            const qint64 id = it->projectId;
            if (std::any_of(wanted.begin(), wanted.end(), [id](const Wanted &w) { return w.project.id == id; })) {
                ++it;
                continue;
            }
            gone << *it;
            it = m_statuses.erase(it);
        }
    }
    for (const CertificateStatus &status : gone) {
        qCInfo(lcAcme).noquote() << "project" << status.projectId << "no longer has a domain; dropping its certificate";
        m_storage->removeStatus(status.projectId);
        if (!status.installedDomain.isEmpty() && m_storage->removePair(status.installedDomain) && m_hooks.certificatesChanged)
            m_hooks.certificatesChanged();
    }
}

CertificateStatus CertificateManager::beginAttempt(const Wanted &wanted)
{
    CertificateStatus status = known(wanted.project.id).value_or(CertificateStatus{});
    if (status.names != wanted.names) {
        // New names: a new request, with a clean backoff; the installed pair
        // (for the old names) keeps serving until the new one is in place.
        status.projectId = wanted.project.id;
        status.names = wanted.names;
        status.state = CertificateStatus::State::Pending;
        status.failures = 0;
        status.lastError.clear();
    }
    status.lastAttemptMs = m_clock.nowMs();
    status.nextAttemptMs.reset();
    // Written before lego starts: after a crash the attempt shows, and the
    // next start tries again.
    record(status);
    return status;
}

void CertificateManager::attempt(const Wanted &wanted)
{
    CertificateStatus status = beginAttempt(wanted);
    const QString previousDomain = status.installedDomain;
    qCInfo(lcAcme).noquote() << "requesting a certificate for" << status.names.join(u", "_qs) << "from"
                             << m_settings.directoryUrl;
    const LegoOutcome outcome = m_hooks.runLego(LegoCommand::run(m_settings, status.names));
    if (!outcome.ok)
        return finishFailure(std::move(status), outcome.output);
    Result<qint64> notAfterMs = installObtained(status);
    if (!notAfterMs)
        return finishFailure(std::move(status), notAfterMs.error().message);
    CrashPoint::hit("acme.pair_installed");
    finishSuccess(std::move(status), previousDomain, *notAfterMs);
}

Result<qint64> CertificateManager::installObtained(const CertificateStatus &status) const
{
    const QString primary = status.names.first();
    const QByteArray chain = readAll(LegoCommand::chainFile(m_settings, primary));
    const QByteArray key = readAll(LegoCommand::keyFile(m_settings, primary));
    auto info = CertificateInfo::fromPem(chain);
    if (!info)
        return info.error();
    if (!info->covers(status.names) || key.isEmpty())
        return Error::make(u"acme.bad_certificate"_qs, u"lego left no certificate and key for "_qs + status.names.join(u", "_qs));
    if (Status installed = m_storage->installPair(primary, chain, key); !installed)
        return installed.error();
    return info->notAfterMs;
}

void CertificateManager::finishSuccess(CertificateStatus status, const QString &previousDomain, qint64 notAfterMs)
{
    const QString primary = status.names.first();
    status.state = CertificateStatus::State::Valid;
    status.notAfterMs = notAfterMs;
    status.issuedAtMs = m_clock.nowMs();
    status.failures = 0;
    status.lastError.clear();
    status.installedDomain = primary;
    status.installedNames = status.names;
    status.nextAttemptMs = m_policy.nextAttempt(status, status.names);
    record(status);
    if (!previousDomain.isEmpty() && previousDomain != primary)
        (void)m_storage->removePair(previousDomain);
    qCInfo(lcAcme).noquote() << "installed a certificate for" << status.names.join(u", "_qs) << "valid until"
                             << wire::timestampToJson(notAfterMs);
    if (m_hooks.certificatesChanged)
        m_hooks.certificatesChanged();
}

void CertificateManager::finishFailure(CertificateStatus status, const QString &error)
{
    status.state = CertificateStatus::State::Failed;
    status.failures += 1;
    status.lastError = error.trimmed();
    status.nextAttemptMs = m_policy.nextAttempt(status, status.names);
    record(status);
    qCWarning(lcAcme).noquote() << "certificate for" << status.names.join(u", "_qs) << "failed (attempt"
                                << status.failures << "), retrying in" << RenewalPolicy::retryDelayMs(status.failures) / 1000
                                << "s:" << status.lastError;
}

void CertificateManager::record(const CertificateStatus &status)
{
    {
        std::lock_guard lock(m_mutex);
        m_statuses.insert(status.projectId, status);
    }
    if (Status saved = m_storage->saveStatus(status); !saved)
        qCWarning(lcAcme).noquote() << saved.error().message;
}

} // namespace ddd::core::acme
