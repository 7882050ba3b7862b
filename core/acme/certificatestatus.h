// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::acme {

// What the agent knows about one project's automatic certificate: the names
// it asked for, how the last attempt went and when the next one is due.
// Kept as JSON in <data_dir>/acme/status/ so it survives restarts, and shown
// to the owner as is (GET /api/v1/projects/{id}/certificate).
struct CertificateStatus final
{
    // pending: asked for, no certificate for these names yet (or an attempt
    // was interrupted); valid: the installed certificate covers `names`;
    // failed: the last attempt failed (an older certificate may still serve).
    enum class State { Pending, Valid, Failed };

    qint64 projectId = 0;
    QStringList names; // domain first, then aliases
    State state = State::Pending;
    std::optional<qint64> notAfterMs;   // of the installed certificate, when there is one
    std::optional<qint64> issuedAtMs;   // when the installed certificate was obtained
    std::optional<qint64> lastAttemptMs;
    std::optional<qint64> nextAttemptMs;
    QString lastError;                  // lego's last lines after a failure; empty otherwise
    int failures = 0;                   // consecutive failed attempts, for the backoff
    QString installedDomain;            // certificates/<this>/ holds the installed pair
    QStringList installedNames;         // the names that certificate covers

    static QString stateName(State state);
    QJsonObject toJson() const;
    static std::optional<CertificateStatus> fromJson(const QJsonObject &object);

    bool operator==(const CertificateStatus &) const = default;
};

} // namespace ddd::core::acme
