// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <mutex>

namespace ddd::test {

// What the churn test checks, written down once. Each site's live history
// is a list of generations: the marker that became live and the window of
// the API call (or build) that made it so, [startNs, endNs]; the switch
// happened at one unknown instant inside it, and a site's windows never
// overlap (one driver per site). A generation was *possibly live* during
// [t0, t1] when it started before t1 and the next one did not finish before
// t0.
//
// A visitor fetched a page (marker A, request in flight over [t0, t1]) and
// right after it an asset ([t2, t3], marker B). The pair is consistent when
// there are generations gA <= gB with marker A possibly live during [t0, t1]
// and marker B possibly live during [t2, t3]: each request was answered
// entirely by a version that was live while it was in flight ("requests in
// flight finish on the version they started with"), and never by an older
// version than the page's ("every site is entirely one version", moving only
// forwards through its activations). A != B is therefore allowed only when an
// activation landed between the two requests; anything else is a mismatch,
// and so is a marker that was not live at all while it was fetched.
class ChurnHistory final
{
public:
    static qint64 nowNs();

    void record(int site, const QByteArray &marker, qint64 startNs, qint64 endNs);
    bool consistent(int site, const QByteArray &pageMarker, qint64 t0, qint64 t1, const QByteArray &assetMarker,
                    qint64 t2, qint64 t3) const;
    int generations(int site) const;

private:
    struct Generation
    {
        QByteArray marker;
        qint64 startNs = 0;
        qint64 endNs = 0;
    };
    bool possiblyLive(const QList<Generation> &log, qsizetype g, qint64 t0, qint64 t1) const;

    mutable std::mutex m_mutex;
    QHash<int, QList<Generation>> m_sites;
};

} // namespace ddd::test
