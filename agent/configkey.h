// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace ddd::agent {

struct AgentConfig;
struct S3Settings;

// One setting: its TOML name ("api.port"), the environment twin derived from
// it (DDD_API_PORT), the command-line twin (--api-port), and how to parse and
// print the member it fills.
class ConfigKey final
{
public:
    using Setter = std::function<core::Status(AgentConfig &, const QString &)>;
    using Getter = std::function<QString(const AgentConfig &)>;

    static ConfigKey text(QString name, QString help, QString AgentConfig::*member);
    // A member of AgentConfig::s3 (blobs.s3.*).
    static ConfigKey s3Text(QString name, QString help, QString S3Settings::*member);
    static ConfigKey secretPath(QString name, QString help, QString AgentConfig::*member);
    static ConfigKey integer(QString name, QString help, int AgentConfig::*member, int min, int max);
    static ConfigKey bytes(QString name, QString help, qint64 AgentConfig::*member, qint64 min, qint64 max);
    static ConfigKey boolean(QString name, QString help, bool AgentConfig::*member);
    static ConfigKey list(QString name, QString help, QStringList AgentConfig::*member);

    const QString &name() const { return m_name; }
    const QString &help() const { return m_help; }
    QString environmentName() const;
    QString optionName() const;
    // Parses `value` into the config; `source` names where it came from for the error.
    core::Status set(AgentConfig &config, const QString &value, const QString &source) const;
    QString tomlValue(const AgentConfig &config) const;

private:
    ConfigKey(QString name, QString help, Setter setter, Getter getter);

    QString m_name;
    QString m_help;
    Setter m_setter;
    Getter m_getter;
};

} // namespace ddd::agent
