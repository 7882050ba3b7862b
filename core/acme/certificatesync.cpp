// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificatesync.h"

#include "core/acme/certificatetable.h"

#include <QDir>
#include <QLoggingCategory>

namespace ddd::core::acme {

Q_LOGGING_CATEGORY(lcCertificateSync, "ddd.core.acme")

CertificateSync::CertificateSync(CertificateTable &table, QString certificatesDir, Hooks hooks, Options options)
    : m_table(table), m_dir(std::move(certificatesDir)), m_installer(m_dir), m_hooks(std::move(hooks)),
      m_options(options)
{
}

CertificateSync::~CertificateSync()
{
    stop();
}

void CertificateSync::start()
{
    m_thread = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void CertificateSync::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_wakeup.notify_all();
    m_thread.join();
}

void CertificateSync::loop(std::stop_token stop)
{
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(m_waitMutex);
            m_wakeup.wait_for(lock, stop, m_options.every, [] { return false; });
        }
        if (stop.stop_requested())
            break;
        Result<bool> changed = syncNow();
        if (!changed)
            qCWarning(lcCertificateSync).noquote() << "cannot read the shared certificates:" << changed.error().message;
        else if (*changed && m_hooks.changed)
            m_hooks.changed();
    }
    if (m_hooks.threadExit)
        m_hooks.threadExit();
}

Result<bool> CertificateSync::syncNow()
{
    std::lock_guard round(m_roundMutex);
    Result<QList<CertificateTable::Stamp>> stamps = m_table.stamps();
    if (!stamps)
        return stamps.error();
    QHash<QString, qint64> wanted;
    for (const CertificateTable::Stamp &stamp : *stamps)
        wanted.insert(stamp.domain, stamp.changedMs);
    Result<bool> installed = installChanged(wanted);
    if (!installed)
        return installed;
    const bool removed = removeUnwanted(wanted);
    return *installed || removed;
}

// A pair that cannot be read or written now is tried again next round.
Result<bool> CertificateSync::installChanged(const QHash<QString, qint64> &wanted)
{
    bool changed = false;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (m_installed.value(it.key(), -1) == it.value() && QDir(m_installer.directoryOf(it.key())).exists())
            continue;
        Result<CertificateTable::Pair> pair = m_table.pair(it.key());
        if (!pair && pair.error().code != u"acme.no_certificate"_qs)
            return pair.error();
        Status written = pair ? m_installer.install(it.key(), pair->fullchain, pair->privateKey) : Status();
        if (!written) {
            qCWarning(lcCertificateSync).noquote() << "cannot install the certificate of" << it.key() << ":"
                                                   << written.error().message;
            continue;
        }
        if (pair) {
            m_installed.insert(it.key(), it.value());
            changed = true;
        }
    }
    return changed;
}

// Every pair folder the table does not name, left by a domain dropped while
// this agent was down as much as by one dropped just now.
bool CertificateSync::removeUnwanted(const QHash<QString, qint64> &wanted)
{
    bool changed = false;
    const QStringList folders = QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &domain : folders) {
        if (wanted.contains(domain))
            continue;
        m_installed.remove(domain);
        if (Status removed = m_installer.remove(domain); removed)
            changed = true;
        else
            qCWarning(lcCertificateSync).noquote() << removed.error().message;
    }
    return changed;
}

} // namespace ddd::core::acme
