// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::acme {

// The acme.* settings as the certificate manager takes them, with the data
// root the agent's files live under.
struct AcmeSettings final
{
    QString dataDir;
    QString email;
    QString directoryUrl = u"https://acme-v02.api.letsencrypt.org/directory"_qs;
    QString caCertificates; // extra PEM bundle lego trusts for the ACME server; empty: the system's
    QString lego = u"lego"_qs;
    int renewDays = 30;
    // lego is killed after this long: Let's Encrypt answers in seconds, but a
    // hung connection must not stop every later renewal.
    int legoTimeoutMs = 5 * 60 * 1000;

    QString acmeDir() const { return dataDir + u"/acme"_qs; }
    QString legoDir() const { return acmeDir() + u"/lego"_qs; }
    QString webroot() const { return acmeDir() + u"/webroot"_qs; }
    QString statusDir() const { return acmeDir() + u"/status"_qs; }
    QString certificatesDir() const { return dataDir + u"/certificates"_qs; }
};

} // namespace ddd::core::acme
