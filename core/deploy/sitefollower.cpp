// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/sitefollower.h"

#include "core/storage/livepointerstore.h"
#include "core/storage/sitechangefeed.h"
#include "core/util/clock.h"
#include "core/util/stoppablesleep.h"

#include <QLoggingCategory>

#include <algorithm>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcFollower, "ddd.core.deploy")

using Clock = std::chrono::steady_clock;
// How long one wait on the feed lasts at most, so stop() is heard soon.
constexpr std::chrono::milliseconds WaitSlice{250};

} // namespace

SiteFollower::SiteFollower(storage::SiteChangeFeed &feed, storage::LivePointerStore &pointers, Refresh refresh,
                           const core::Clock &clock, std::function<void()> threadExit, Options options)
    : m_feed(feed), m_pointers(pointers), m_refresh(std::move(refresh)), m_clock(clock),
      m_threadExit(std::move(threadExit)), m_options(options)
{
}

SiteFollower::~SiteFollower()
{
    stop();
}

Status SiteFollower::catchUp()
{
    Result<QHash<qint64, qint64>> revisions = m_pointers.siteRevisions();
    if (!revisions)
        return revisions.error();
    Status outcome;
    for (auto it = revisions->cbegin(); it != revisions->cend(); ++it) {
        if (m_built.value(it.key(), -1) == it.value())
            continue;
        // A failed site is tried again next round; the others go on.
        if (Status refreshed = m_refresh(it.key()); !refreshed)
            outcome = refreshed;
        else
            m_built.insert(it.key(), it.value());
    }
    for (auto it = m_built.begin(); it != m_built.end();) {
        if (revisions->contains(it.key())) {
            ++it;
            continue;
        }
        (void)m_refresh(it.key()); // the project is gone: its site is withdrawn
        it = m_built.erase(it);
    }
    return outcome;
}

void SiteFollower::start()
{
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void SiteFollower::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_thread.join();
}

// Listening first, then catching up: a change committed in between is
// both announced and seen, never neither.
void SiteFollower::run(std::stop_token stop)
{
    bool listening = false;
    bool behind = true;
    Clock::time_point nextRound = Clock::now();
    while (!stop.stop_requested()) {
        if (!listening) {
            const Status connected = m_feed.connect();
            if (!connected) {
                qCWarning(lcFollower).noquote() << "cannot listen for site changes:" << connected.error().message;
                markBehind();
                sleepUnlessStopped(stop, m_options.retryEvery);
                continue;
            }
            listening = true;
            behind = true;
        }
        if (behind || Clock::now() >= nextRound) {
            if (Status caught = catchUp(); !caught) {
                qCWarning(lcFollower).noquote() << "sites not caught up:" << caught.error().message;
                markBehind();
                sleepUnlessStopped(stop, m_options.retryEvery);
                continue;
            }
            m_behindSinceMs = 0;
            behind = false;
            nextRound = Clock::now() + m_options.reconcileEvery;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(nextRound - Clock::now());
        switch (m_feed.wait(std::clamp(left, std::chrono::milliseconds(0), WaitSlice))) {
        case storage::SiteChangeFeed::Event::Changed:
            markBehind();
            behind = true;
            break;
        case storage::SiteChangeFeed::Event::Lost:
            qCWarning(lcFollower) << "lost the database connection that hears of site changes; connecting again";
            markBehind();
            listening = false;
            break;
        case storage::SiteChangeFeed::Event::Quiet:
            break;
        }
    }
    if (m_threadExit)
        m_threadExit();
}

std::optional<qint64> SiteFollower::behindSinceMs() const
{
    const qint64 since = m_behindSinceMs.load();
    return since == 0 ? std::nullopt : std::optional<qint64>(since);
}

// The first cause counts: a lag is measured from when it began.
void SiteFollower::markBehind()
{
    qint64 notBehind = 0;
    m_behindSinceMs.compare_exchange_strong(notBehind, m_clock.nowMs());
}

} // namespace ddd::core::deploy
