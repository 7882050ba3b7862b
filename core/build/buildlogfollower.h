// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayList>

#include <functional>
#include <mutex>

namespace ddd::core::build {

// One live reader of a build's log (an SSE stream): BuildLogBook appends
// lines and finally the end, and calls `wake` (from its own thread) so the
// reader comes back for them with take(). take() never blocks for long.
class BuildLogFollower final
{
public:
    struct Batch final
    {
        QByteArrayList lines;
        bool ended = false;
        QByteArray endData; // the finished build as JSON, once ended
    };

    
    void setWake(std::function<void()> wake);
    Batch take();

    // For BuildLogBook.
    void append(const QByteArrayList &lines);
    void end(const QByteArray &endData);

private:
    void wake();

    std::mutex m_mutex;
    QByteArrayList m_pending;
    bool m_ended = false;
    QByteArray m_endData;
    std::function<void()> m_wake;
};

} // namespace ddd::core::build
