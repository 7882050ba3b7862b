// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificateinfo.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ddd::core::acme {

namespace {

std::optional<qint64> asn1TimeToMs(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return std::nullopt;
    return qint64(timegm(&parts)) * 1000;
}

QStringList dnsNamesOf(X509 *certificate)
{
    QStringList names;
    auto *general = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(general, i);
        if (name->type != GEN_DNS)
            continue;
        const ASN1_IA5STRING *text = name->d.dNSName;
        names << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(text)),
                                     ASN1_STRING_length(text)).toLower();
    }
    GENERAL_NAMES_free(general);
    return names;
}

} // namespace

Result<CertificateInfo> CertificateInfo::fromPem(const QByteArray &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> leaf(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                                                         : nullptr,
                                                     &X509_free);
    if (!leaf)
        return Error::make(u"acme.bad_certificate"_qs, u"the obtained file holds no PEM certificate"_qs);
    const auto notBefore = asn1TimeToMs(X509_get0_notBefore(leaf.get()));
    const auto notAfter = asn1TimeToMs(X509_get0_notAfter(leaf.get()));
    if (!notBefore || !notAfter)
        return Error::make(u"acme.bad_certificate"_qs, u"the obtained certificate has an unreadable validity"_qs);
    return CertificateInfo{dnsNamesOf(leaf.get()), *notBefore, *notAfter};
}

bool CertificateInfo::covers(const QStringList &names) const
{
    for (const QString &name : names)
        if (!dnsNames.contains(name.toLower()))
            return false;
    return true;
}

} // namespace ddd::core::acme
