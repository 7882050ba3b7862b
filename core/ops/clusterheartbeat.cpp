// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/ops/clusterheartbeat.h"

#include "core/util/clock.h"
#include "core/util/stoppablesleep.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>


namespace ddd::core::ops {

namespace {

Q_LOGGING_CATEGORY(lcHeartbeat, "ddd.core.ops")

const QString IdentityFile = u"agent-id"_qs;

} // namespace

ClusterHeartbeat::ClusterHeartbeat(storage::AgentStore &store, storage::AgentStore::Record self,
                                   BehindSince behindSince, const Clock &clock, std::function<void()> threadExit,
                                   Options options)
    : m_store(store), m_self(std::move(self)), m_behindSince(std::move(behindSince)), m_clock(clock),
      m_threadExit(std::move(threadExit)), m_options(options)
{
}

ClusterHeartbeat::~ClusterHeartbeat()
{
    stop();
}

Status ClusterHeartbeat::beat()
{
    storage::AgentStore::Record record = m_self;
    record.heartbeatAtMs = m_clock.nowMs();
    record.behindSinceMs = m_behindSince ? m_behindSince() : std::nullopt;
    return m_store.beat(record, record.heartbeatAtMs - qint64(m_options.forgetAfter.count()));
}

void ClusterHeartbeat::start()
{
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void ClusterHeartbeat::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_thread.join();
}

void ClusterHeartbeat::run(std::stop_token stop)
{
    while (sleepUnlessStopped(stop, m_options.interval)) {
        // A lost database is the request paths' to report; the next beat tries again.
        if (Status beaten = beat(); !beaten)
            qCDebug(lcHeartbeat).noquote() << "heartbeat not written:" << beaten.error().message;
    }
    if (m_threadExit)
        m_threadExit();
}

Result<QString> ClusterHeartbeat::identity(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(IdentityFile);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromLatin1(existing.readAll().trimmed());
        if (!QUuid::fromString(id).isNull())
            return id;
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(id.toLatin1() + '\n') < 0 || !file.commit())
        return Error::make(u"agent.data_dir"_qs, u"cannot write "_qs + path);
    return id;
}

} // namespace ddd::core::ops
