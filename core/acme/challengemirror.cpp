// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/challengemirror.h"

#include "core/acme/challengeanswer.h"
#include "core/acme/challengetable.h"

#include <QDir>
#include <QLoggingCategory>

namespace ddd::core::acme {

Q_LOGGING_CATEGORY(lcMirror, "ddd.core.acme")

ChallengeMirror::ChallengeMirror(ChallengeTable &table, QString webroot, QString agentId,
                                 std::chrono::milliseconds scanEvery)
    : m_table(table), m_dir(ChallengeAnswer::folderOf(webroot)), m_agentId(std::move(agentId)),
      m_scanEvery(scanEvery)
{
    if (Status begun = m_table.beginOrder(m_agentId); !begun)
        qCWarning(lcMirror).noquote() << "cannot mark the ACME order running; other agents will not wait for its"
                                      << "answers:" << begun.error().message;
    m_thread = std::thread([this] { loop(); });
}

ChallengeMirror::~ChallengeMirror()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_table.endOrder(m_agentId);
}

void ChallengeMirror::loop()
{
    for (;;) {
        scan();
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, m_scanEvery, [this] { return m_stopping; }))
            break;
    }
    m_table.releaseThreadConnection();
}

void ChallengeMirror::scan()
{
    QHash<QString, QByteArray> present;
    const QStringList names = QDir(m_dir).entryList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &token : names)
        if (std::optional<QByteArray> answer = ChallengeAnswer::read(m_dir, token))
            present.insert(token, *answer);
    for (auto it = present.cbegin(); it != present.cend(); ++it) {
        if (m_copied.value(it.key()) == it.value())
            continue;
        if (Status put = m_table.put(it.key(), it.value()); !put) {
            qCWarning(lcMirror).noquote() << "cannot share an ACME challenge:" << put.error().message;
            continue; // the next scan tries again
        }
        m_copied.insert(it.key(), it.value());
    }
    for (auto it = m_copied.begin(); it != m_copied.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        m_table.drop(it.key());
        it = m_copied.erase(it);
    }
}

} // namespace ddd::core::acme
