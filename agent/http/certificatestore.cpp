// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/certificatestore.h"

#include "agent/http/httplogging.h"

#include <QDir>
#include <QFile>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace ddd::agent::http {

namespace {

// OpenSSL's reason for the last failure, and a clean error queue after it
// (the queue is per thread and would otherwise leak into the next call).
QString lastOpenSslError()
{
    char text[256] = {};
    ERR_error_string_n(ERR_peek_last_error(), text, sizeof text);
    ERR_clear_error();
    return QString::fromLatin1(text);
}

core::Error pairError(const char16_t *code, const QString &file, const QString &message)
{
    return core::Error::make(QString::fromUtf16(code), message, QJsonObject{{u"file"_qs, file}});
}

QStringList dnsNames(X509 *certificate)
{
    QStringList names;
    auto *sans = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!sans)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(sans, i);
        if (name->type != GEN_DNS)
            continue;
        const ASN1_IA5STRING *dns = name->d.dNSName;
        names << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(dns)),
                                     ASN1_STRING_length(dns))
                     .toLower();
    }
    GENERAL_NAMES_free(sans);
    return names;
}

} // namespace

CertificateStore::~CertificateStore()
{
    for (const Entry &entry : m_entries)
        SSL_CTX_free(entry.context);
}

core::Result<CertificateStore::Entry> CertificateStore::loadPair(const QString &certFile, const QString &keyFile,
                                                                 const TlsPolicy &policy)
{
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(SSL_CTX_new(TLS_server_method()), &SSL_CTX_free);
    if (!context)
        return pairError(u"http.tls_certificate_invalid", certFile, lastOpenSslError());
    policy.applyTo(context.get());
    if (SSL_CTX_use_certificate_chain_file(context.get(), QFile::encodeName(certFile).constData()) != 1)
        return pairError(u"http.tls_certificate_invalid", certFile, lastOpenSslError());
    if (SSL_CTX_use_PrivateKey_file(context.get(), QFile::encodeName(keyFile).constData(), SSL_FILETYPE_PEM) != 1)
        return pairError(u"http.tls_key_invalid", keyFile, lastOpenSslError());
    if (SSL_CTX_check_private_key(context.get()) != 1) {
        ERR_clear_error();
        return pairError(u"http.tls_key_invalid", keyFile, u"the key does not match the certificate"_qs);
    }
    Entry entry;
    entry.names = dnsNames(SSL_CTX_get0_certificate(context.get()));
    entry.context = context.release();
    return entry;
}

void CertificateStore::add(Entry entry)
{
    const int index = int(m_entries.size());
    // The first certificate naming a host keeps it: with the operator's pair
    // loaded first and directories in name order, the choice is stable.
    for (const QString &name : std::as_const(entry.names)) {
        if (name.startsWith(u"*."_qs))
            m_wildcards.insert(name.mid(2), m_wildcards.value(name.mid(2), index));
        else
            m_exact.insert(name, m_exact.value(name, index));
    }
    m_entries.push_back(std::move(entry));
}

void CertificateStore::loadDirectory(const QString &directory, const TlsPolicy &policy, QList<core::Error> &skipped)
{
    const QDir root(directory);
    // A directory may appear while the agent runs (a certificate obtained
    // later); a missing one is simply no certificates yet.
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString cert = root.filePath(name + u"/fullchain.pem"_qs);
        const QString key = root.filePath(name + u"/privkey.pem"_qs);
        auto entry = loadPair(cert, key, policy);
        if (!entry) {
            qCWarning(lcHttp).noquote() << "certificate" << name << "skipped:" << entry.error().code
                                        << entry.error().message;
            skipped.append(entry.error());
            continue;
        }
        add(std::move(*entry));
    }
}

CertificateStore::Loaded CertificateStore::load(const Sources &sources, const TlsPolicy &policy)
{
    std::shared_ptr<CertificateStore> store(new CertificateStore);
    Loaded loaded;
    if (!sources.defaultCertFile.isEmpty() || !sources.defaultKeyFile.isEmpty()) {
        if (auto entry = loadPair(sources.defaultCertFile, sources.defaultKeyFile, policy)) {
            store->m_default = 0;
            store->add(std::move(*entry));
        } else {
            loaded.defaultFailure = entry.error();
        }
    }
    if (!sources.directory.isEmpty())
        store->loadDirectory(sources.directory, policy, loaded.skipped);
    loaded.store = std::move(store);
    return loaded;
}

int CertificateStore::find(const QString &serverName) const
{
    QString name = serverName.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (auto exact = m_exact.constFind(name); exact != m_exact.cend())
        return *exact;
    // A wildcard stands for exactly one whole label (RFC 6125 §6.4.3).
    if (const qsizetype dot = name.indexOf(u'.'); dot > 0) {
        if (auto wildcard = m_wildcards.constFind(name.mid(dot + 1)); wildcard != m_wildcards.cend())
            return *wildcard;
    }
    return -1;
}

bool CertificateStore::covers(const QString &host) const
{
    return find(host) >= 0;
}

SSL_CTX *CertificateStore::select(const QString &serverName) const
{
    if (m_entries.empty())
        return nullptr;
    const int found = find(serverName);
    return m_entries[found >= 0 ? found : (m_default >= 0 ? m_default : 0)].context;
}

} // namespace ddd::agent::http
