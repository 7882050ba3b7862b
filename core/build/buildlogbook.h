// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace ddd::core::build {

class BuildLog;
class BuildLogFollower;

// Every build's log: the live ones (builds queued or running, which the
// live stream follows) and the files <directory>/<build id>.log they leave.
// Thread-safe.
class BuildLogBook final
{
public:
    BuildLogBook(QString directory, qint64 maxBytes);

    // The live log of a build that is about to be queued; its lines are
    // redacted, `buildFlags` values included.
    std::shared_ptr<BuildLog> open(qint64 buildId, const QStringList &buildFlags);
    std::shared_ptr<BuildLog> live(qint64 buildId);
    std::vector<qint64> liveIds();
    // Followers get the end with `finalJson`; the log leaves the live set.
    void end(qint64 buildId, const QByteArray &finalJson);

    Result<QByteArray> tail(qint64 buildId, int lines) const;
    // A finished build's follower: the whole file, then the end.
    Result<std::shared_ptr<BuildLogFollower>> replay(qint64 buildId, const QByteArray &finalJson) const;
    void remove(qint64 buildId);
    // Removes each file whose build `exists` denies (and that is not live).
    void removeOrphans(const std::function<bool(qint64 buildId)> &exists);

private:
    QString path(qint64 buildId) const;

    const QString m_directory;
    const qint64 m_maxBytes;
    std::mutex m_mutex;
    std::map<qint64, std::shared_ptr<BuildLog>> m_live;
};

} // namespace ddd::core::build
