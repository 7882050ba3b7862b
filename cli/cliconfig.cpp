// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/cliconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace ddd::cli {

CliConfig::CliConfig(QProcessEnvironment environment) : m_environment(std::move(environment)) {}

QString CliConfig::directory() const
{
    const QString explicitDir = m_environment.value(u"DDD_CONFIG_DIR"_qs);
    if (!explicitDir.isEmpty())
        return explicitDir;
    const QString xdg = m_environment.value(u"XDG_CONFIG_HOME"_qs);
    if (!xdg.isEmpty())
        return xdg + u"/ddd"_qs;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/ddd"_qs;
}

Result<CliConfig::TokenStoreKind> CliConfig::tokenStore() const
{
    const QString value = m_environment.value(u"DDD_TOKEN_STORE"_qs, u"auto"_qs);
    if (value == u"auto")
        return TokenStoreKind::Auto;
    if (value == u"file")
        return TokenStoreKind::File;
    return Error::make(u"cli.usage"_qs, u"DDD_TOKEN_STORE must be \"auto\" or \"file\""_qs);
}

Result<QUrl> CliConfig::agent(const QString &option) const
{
    if (!option.isEmpty())
        return parseAgent(option);
    const QString fromEnvironment = m_environment.value(u"DDD_AGENT"_qs);
    if (!fromEnvironment.isEmpty())
        return parseAgent(fromEnvironment);
    if (const std::optional<QUrl> saved = savedAgent())
        return *saved;
    return Error::make(u"cli.not_logged_in"_qs,
                       u"No agent: run `ddd login --agent URL`, or set DDD_AGENT and DDD_TOKEN"_qs);
}

Result<QUrl> CliConfig::parseAgent(const QString &text)
{
    QUrl url = QUrl::fromUserInput(text);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return Error::make(u"cli.usage"_qs, QStringLiteral("Not an agent address: %1").arg(text));
    url.setPath(url.path().endsWith(u'/') ? url.path().chopped(1) : url.path());
    return url;
}

Status CliConfig::saveAgent(const QUrl &agent) const
{
    if (!QDir().mkpath(directory()))
        return Error::make(u"io.error"_qs, QStringLiteral("Cannot create %1").arg(directory()));
    QSaveFile file(settingsFile());
    const QJsonObject settings{{u"agent"_qs, agent.toString()}};
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(settings).toJson()) < 0 || !file.commit())
        return Error::make(u"io.error"_qs, QStringLiteral("Cannot write %1").arg(settingsFile()));
    return {};
}

Status CliConfig::forgetAgent() const
{
    if (QFile::exists(settingsFile()) && !QFile::remove(settingsFile()))
        return Error::make(u"io.error"_qs, QStringLiteral("Cannot remove %1").arg(settingsFile()));
    return {};
}

QString CliConfig::tokenKey(const QUrl &agent)
{
    return u"ddd-cli/"_qs + agent.toString();
}

std::optional<QUrl> CliConfig::savedAgent() const
{
    QFile file(settingsFile());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QString text = QJsonDocument::fromJson(file.readAll()).object().value(u"agent"_qs).toString();
    const Result<QUrl> url = parseAgent(text);
    return url.ok() ? std::optional<QUrl>(*url) : std::nullopt;
}

} // namespace ddd::cli
