// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ddd::core::acme {

class ChallengeTable;

// For as long as it lives (one lego run), copies the tokens lego writes
// into the webroot's .well-known/acme-challenge to the shared challenge
// table, and drops those lego removes, so whichever agent the authority
// asks can answer. lego has no hook for "token written", so the folder is
// read every `scanEvery`; a site agent asked before the copy waits for it
// (ChallengeTable::awaitAnswer). The order is marked running before the
// first scan and cleared, with every answer, at the end.
class ChallengeMirror final
{
public:
    ChallengeMirror(ChallengeTable &table, QString webroot, QString agentId,
                    std::chrono::milliseconds scanEvery = std::chrono::milliseconds(50));
    ~ChallengeMirror();
    ChallengeMirror(const ChallengeMirror &) = delete;
    ChallengeMirror &operator=(const ChallengeMirror &) = delete;

private:
    void loop();
    void scan();

    ChallengeTable &m_table;
    QString m_dir;
    QString m_agentId;
    std::chrono::milliseconds m_scanEvery;
    QHash<QString, QByteArray> m_copied; // token -> answer, the thread's alone
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ddd::core::acme
