// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/credentials/secretbackend.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ddd::core::credentials {

// The fallback where no keychain service runs: one JSON file readable and
// writable only by the user (0600) in a directory only the user may enter
// (0700). Written whole to a fresh 0600 temporary file, then renamed over
// the old one, so a crash never leaves a half-written or world-readable file.
class FileSecretBackend final : public SecretBackend
{
public:
    explicit FileSecretBackend(QString path);

    QString path() const { return m_path; }

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;

private:
    std::optional<QJsonObject> load(QString *reason) const;
    bool save(const QJsonObject &secrets, QString *reason) const;

    QString m_path;
};

} // namespace ddd::core::credentials
