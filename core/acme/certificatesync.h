// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/certificateinstaller.h"
#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace ddd::core::acme {

class CertificateTable;

// Keeps a site agent's certificates/ folder equal to the pairs in the
// shared database (CertificateTable), where the issuing agent puts them:
// a new or renewed pair is installed (CertificateInstaller: old pair or new
// one, never a mix), a pair the table no longer has is removed, and the
// site listener is told (changed). The folder is the table's copy alone;
// the operator's own pair lives elsewhere (tls.cert_file). A round compares
// each pair's change time only, so it costs one small query; the issuer's
// renewals come days ahead of expiry, and a new domain's first pair arrives
// within one round of its order.
class CertificateSync final
{
public:
    struct Options
    {
        std::chrono::milliseconds every{5000};
    };
    struct Hooks
    {
        std::function<void()> changed;    // the folder changed: reload the listener
        std::function<void()> threadExit; // e.g. close the thread's database connection
    };

    CertificateSync(CertificateTable &table, QString certificatesDir, Hooks hooks, Options options);
    ~CertificateSync();
    CertificateSync(const CertificateSync &) = delete;
    CertificateSync &operator=(const CertificateSync &) = delete;

    // One round on the calling thread; answers whether the folder changed.
    Result<bool> syncNow();
    void start();
    void stop();

private:
    Result<bool> installChanged(const QHash<QString, qint64> &wanted);
    bool removeUnwanted(const QHash<QString, qint64> &wanted);
    void loop(std::stop_token stop);

    CertificateTable &m_table;
    QString m_dir;
    CertificateInstaller m_installer;
    Hooks m_hooks;
    Options m_options;
    std::mutex m_roundMutex;           // one round at a time
    QHash<QString, qint64> m_installed; // domain -> the change time installed
    std::mutex m_waitMutex;
    std::condition_variable_any m_wakeup;
    std::jthread m_thread;
};

} // namespace ddd::core::acme
