// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificateimport.h"

#include "core/acme/certificatefiles.h"
#include "core/acme/certificateinstaller.h"

#include <QFile>

namespace ddd::core::acme {

namespace {

Result<QByteArray> readPem(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"acme.bad_certificate"_qs, u"cannot read "_qs + path + u": "_qs + file.errorString());
    QByteArray pem = file.readAll();
    if (!pem.contains("-----BEGIN "))
        return Error::make(u"acme.bad_certificate"_qs, path + u" holds no PEM"_qs);
    return pem;
}

} // namespace

Result<CertificateImport::Count> CertificateImport::run(const AcmeSettings &settings, CertificateStorage &into)
{
    const CertificateFiles files(settings);
    const CertificateInstaller pairs(settings.certificatesDir());
    Count count;
    Result<QHash<qint64, CertificateStatus>> statuses = files.statuses(); // files: never an error
    if (!statuses)
        return statuses.error();
    for (const CertificateStatus &status : *statuses) {
        if (Status saved = into.saveStatus(status); !saved)
            return saved.error();
        ++count.statuses;
        if (status.installedDomain.isEmpty())
            continue;
        const QString dir = pairs.directoryOf(status.installedDomain);
        Result<QByteArray> chain = readPem(dir + u"/fullchain.pem"_qs);
        Result<QByteArray> key = chain ? readPem(dir + u"/privkey.pem"_qs) : Result<QByteArray>(chain.error());
        if (!key)
            return key.error();
        if (Status put = into.installPair(status.installedDomain, *chain, *key); !put)
            return put.error();
        ++count.pairs;
    }
    return count;
}

} // namespace ddd::core::acme
