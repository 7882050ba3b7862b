// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

namespace ddd::core::client {
struct RemoteCertificate;
}

namespace ddd::app {

// The project view's one line about the automatic certificate: whether it is
// valid and until when, being requested, or failing with the CA's reason
// while the certificate obtained earlier still serves.
class CertificateText final
{
    Q_DECLARE_TR_FUNCTIONS(CertificateText)

public:
    // Empty when there is nothing to say (ACME off, or no domain).
    static QString describe(const core::client::RemoteCertificate &certificate);
};

} // namespace ddd::app
