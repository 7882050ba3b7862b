// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/certificatetext.h"

#include "app/displayformat.h"
#include "core/client/remotecertificate.h"

namespace ddd::app {

namespace {

// lego's error can run to several lines; the last names the CA's reason.
QString lastLine(const QString &error)
{
    const QStringList lines = error.split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

QString CertificateText::describe(const core::client::RemoteCertificate &certificate)
{
    using State = core::client::RemoteCertificate::State;
    switch (certificate.state) {
    case State::None:
        return {};
    case State::Pending:
        return tr("Requesting a certificate for %1…").arg(certificate.names.join(u", "_qs));
    case State::Valid:
        return tr("Certificate valid until %1 (%2); renewed automatically")
            .arg(certificate.notAfterMs ? DisplayFormat::time(*certificate.notAfterMs) : QString(),
                 certificate.names.join(u", "_qs));
    case State::Failed:
        break;
    }
    const QString next = certificate.nextAttemptMs ? DisplayFormat::time(*certificate.nextAttemptMs) : QString();
    const QString reason = lastLine(certificate.lastError);
    if (certificate.notAfterMs)
        return tr("Renewal failed (%1); retrying %2. The current certificate stays valid until %3.")
            .arg(reason, next, DisplayFormat::time(*certificate.notAfterMs));
    return tr("No certificate yet: the request failed (%1); retrying %2.").arg(reason, next);
}

} // namespace ddd::app
