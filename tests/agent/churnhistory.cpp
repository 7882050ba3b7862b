// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/churnhistory.h"

#include <chrono>

namespace ddd::test {

qint64 ChurnHistory::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void ChurnHistory::record(int site, const QByteArray &marker, qint64 startNs, qint64 endNs)
{
    std::lock_guard lock(m_mutex);
    m_sites[site].append(Generation{marker, startNs, endNs});
}

int ChurnHistory::generations(int site) const
{
    std::lock_guard lock(m_mutex);
    return int(m_sites.value(site).size());
}

bool ChurnHistory::possiblyLive(const QList<Generation> &log, qsizetype g, qint64 t0, qint64 t1) const
{
    return log[g].startNs <= t1 && (g + 1 == log.size() || log[g + 1].endNs >= t0);
}

bool ChurnHistory::consistent(int site, const QByteArray &pageMarker, qint64 t0, qint64 t1,
                              const QByteArray &assetMarker, qint64 t2, qint64 t3) const
{
    std::lock_guard lock(m_mutex);
    const QList<Generation> log = m_sites.value(site);
    for (qsizetype a = 0; a < log.size(); ++a) {
        if (log[a].marker != pageMarker || !possiblyLive(log, a, t0, t1))
            continue;
        for (qsizetype b = a; b < log.size(); ++b)
            if (log[b].marker == assetMarker && possiblyLive(log, b, t2, t3))
                return true;
    }
    return false;
}

} // namespace ddd::test
