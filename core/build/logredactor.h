// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QStringList>

namespace ddd::core::build {

// Blanks what looks like a secret in one log line before it is stored or
// shown: "Bearer <token>", runs of 32+ hex characters, NAME=value where NAME
// contains KEY, SECRET, TOKEN or PASSWORD (any case), --token=value-style
// flags, and every given literal (the project's build flag values of 3+
// characters; shorter ones would blank ordinary text).
class LogRedactor final
{
public:
    static constexpr const char *Mask = "[redacted]";

    explicit LogRedactor(QStringList secrets = {});

    QByteArray redact(const QByteArray &line) const;

    // The values of build flags ("--baseURL=https://x" -> "https://x").
    static QStringList flagValues(const QStringList &buildFlags);

private:
    QStringList m_secrets;
};

} // namespace ddd::core::build
