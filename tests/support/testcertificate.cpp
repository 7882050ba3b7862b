// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/testcertificate.h"

#include "tests/support/commandresult.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::test {

bool TestCertificate::make(const QString &certFile, const QString &keyFile, const QString &commonName,
                           const QStringList &dnsNames)
{
    QDir().mkpath(QFileInfo(certFile).absolutePath());
    QDir().mkpath(QFileInfo(keyFile).absolutePath());
    QStringList arguments{u"req"_qs,    u"-x509"_qs, u"-newkey"_qs, u"ec"_qs,  u"-pkeyopt"_qs,
                          u"ec_paramgen_curve:prime256v1"_qs,     u"-nodes"_qs, u"-days"_qs, u"1"_qs,
                          u"-subj"_qs,  u"/CN="_qs + commonName, u"-keyout"_qs, keyFile,   u"-out"_qs, certFile};
    if (!dnsNames.isEmpty()) {
        QStringList entries;
        for (const QString &name : dnsNames)
            entries << u"DNS:"_qs + name;
        arguments << u"-addext"_qs << u"subjectAltName="_qs + entries.join(u',');
    }
    return CommandResult::run(u"openssl"_qs, arguments, 60000).ok();
}

bool TestCertificate::install(const QString &certificatesDir, const QString &name, const QStringList &dnsNames)
{
    const QDir dir(certificatesDir + u'/' + name);
    return make(dir.filePath(u"fullchain.pem"_qs), dir.filePath(u"privkey.pem"_qs), name, dnsNames);
}

} // namespace ddd::test
