// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificateimport.h"

#include "core/acme/certificatefiles.h"
#include "core/acme/certificateinstaller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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
    Result<QHash<qint64, CertificateStatus>> statuses = CertificateFiles(settings).statuses(); // files: never an error
    if (!statuses)
        return statuses.error();
    Count count;
    for (const CertificateStatus &status : *statuses)
        if (Status taken = take(settings, status, into, count); !taken)
            return taken.error();
    return count;
}

Result<CertificateImport::Count> CertificateImport::adopt(const AcmeSettings &settings, CertificateStorage &into)
{
    Count count;
    if (!QFileInfo(settings.statusDir()).isDir())
        return count;
    Result<QHash<qint64, CertificateStatus>> statuses = CertificateFiles(settings).statuses();
    if (!statuses)
        return statuses.error();
    for (const CertificateStatus &status : *statuses) {
        if (into.status(status.projectId))
            continue;
        if (Status taken = take(settings, status, into, count); !taken && taken.error().code != u"acme.bad_certificate"_qs)
            return taken.error();
    }
    const QString setAside = settings.statusDir() + u".adopted"_qs;
    QDir(setAside).removeRecursively();
    if (!QDir().rename(settings.statusDir(), setAside))
        return Error::make(u"io.error"_qs, u"cannot move "_qs + settings.statusDir() + u" aside"_qs);
    return count;
}

// The pair first: a status is never recorded without the pair it names.
Status CertificateImport::take(const AcmeSettings &settings, const CertificateStatus &status, CertificateStorage &into,
                               Count &count)
{
    if (!status.installedDomain.isEmpty()) {
        const QString dir = CertificateInstaller(settings.certificatesDir()).directoryOf(status.installedDomain);
        Result<QByteArray> chain = readPem(dir + u"/fullchain.pem"_qs);
        Result<QByteArray> key = chain ? readPem(dir + u"/privkey.pem"_qs) : Result<QByteArray>(chain.error());
        if (!key)
            return key.error();
        if (Status put = into.installPair(status.installedDomain, *chain, *key); !put)
            return put;
        ++count.pairs;
    }
    if (Status saved = into.saveStatus(status); !saved)
        return saved;
    ++count.statuses;
    return {};
}

} // namespace ddd::core::acme
