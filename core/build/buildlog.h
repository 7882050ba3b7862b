// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildlogsink.h"
#include "core/build/logredactor.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace ddd::core::build {

class BuildLogFollower;

// The log of one running build: every line (the generator's and the
// agent's own) is redacted, appended to <data root>/builds/<id>.log and
// handed to live followers. Past `maxBytes` one "log truncated" note is
// written and the rest is dropped. Thread-safe.
class BuildLog final : public BuildLogSink
{
public:
    BuildLog(QString path, qint64 maxBytes, LogRedactor redactor);
    ~BuildLog() override;

    Status open();
    void output(const QByteArray &line) override;
    void note(const QByteArray &line) override;
    // No more lines: followers get the end with `endData` (the build's JSON).
    void finish(const QByteArray &endData);
    qint64 bytes() const;

    // A reader that first gets every line so far, then live ones.
    std::shared_ptr<BuildLogFollower> follow();

    // The last `lines` lines of a log file (all when `lines` < 0).
    static Result<QByteArray> readTail(const QString &path, int lines);

private:
    void append(const QByteArray &line);

    mutable std::mutex m_mutex;
    QFile m_file;
    const qint64 m_maxBytes;
    const LogRedactor m_redactor;
    QByteArrayList m_lines; // what the file holds, for new followers
    qint64 m_bytes = 0;
    bool m_truncated = false;
    bool m_finished = false;
    QByteArray m_endData;
    std::vector<std::weak_ptr<BuildLogFollower>> m_followers;
};

} // namespace ddd::core::build
