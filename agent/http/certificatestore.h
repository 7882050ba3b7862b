// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/tlspolicy.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct ssl_ctx_st;

namespace ddd::agent::http {

// The certificates a TLS listener serves, each in a context of its own with
// the TLS policy, indexed by the DNS names of its subjectAltName so the SNI
// callback can pick one per host. Immutable once loaded: a reload builds a
// new store and swaps it in whole (TlsContext), and a handshake that took a
// context keeps it (OpenSSL counts references) however the store changes.
class CertificateStore final
{
public:
    struct Sources
    {
        QString defaultCertFile; // the operator's pair (tls.cert_file / tls.key_file); may be empty
        QString defaultKeyFile;
        // <data_dir>/certificates: every <name>/fullchain.pem + privkey.pem
        // below it (the ACME client installs obtained certificates there).
        // May be empty or missing.
        QString directory;
    };

    struct Loaded
    {
        std::shared_ptr<const CertificateStore> store;
        // The operator's pair failed (http.tls_certificate_invalid or
        // http.tls_key_invalid); the store then has the other pairs only.
        std::optional<core::Error> defaultFailure;
        QList<core::Error> skipped; // pairs from the directory that failed
    };

    ~CertificateStore();
    CertificateStore(const CertificateStore &) = delete;
    CertificateStore &operator=(const CertificateStore &) = delete;

    // Loads every pair it finds; a broken pair is logged, reported and
    // skipped, never the end of the others.
    static Loaded load(const Sources &sources, const TlsPolicy &policy);

    // The context for a TLS server name: an exact subjectAltName match, else a
    // wildcard one ("*.example.com" covers one label), else the operator's
    // pair, else the first certificate; null when the store is empty.
    ssl_ctx_st *select(const QString &serverName) const;
    // Whether a certificate names `host` (exactly or by wildcard), so an
    // https:// address for it opens without a warning.
    bool covers(const QString &host) const;
    bool isEmpty() const { return m_entries.empty(); }
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        ssl_ctx_st *context = nullptr; // owned: one reference
        QStringList names;             // DNS names of the subjectAltName, lower case
    };

    CertificateStore() = default;
    static core::Result<Entry> loadPair(const QString &certFile, const QString &keyFile, const TlsPolicy &policy);
    void add(Entry entry);
    int find(const QString &serverName) const; // -1: no name matches
    void loadDirectory(const QString &directory, const TlsPolicy &policy, QList<core::Error> &skipped);

    std::vector<Entry> m_entries;
    QHash<QString, int> m_exact;     // name -> entry
    QHash<QString, int> m_wildcards; // "example.com" for "*.example.com" -> entry
    int m_default = -1;              // the operator's pair when it loaded
};

} // namespace ddd::agent::http
