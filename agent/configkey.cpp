// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/configkey.h"

#include "agent/agentconfig.h"

namespace ddd::agent {

namespace {

using core::Error;
using core::Status;

Error invalid(const QString &why)
{
    return Error::make(u"config.invalid"_qs, why);
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_qs).replace(u'"', u"\\\""_qs);
    return u'"' + escaped + u'"';
}

} // namespace

ConfigKey::ConfigKey(QString name, QString help, Setter setter, Getter getter)
    : m_name(std::move(name)), m_help(std::move(help)), m_setter(std::move(setter)), m_getter(std::move(getter))
{
}

ConfigKey ConfigKey::text(QString name, QString help, QString AgentConfig::*member)
{
    return ConfigKey(std::move(name), std::move(help),
                     [member](AgentConfig &c, const QString &v) -> Status { c.*member = v; return {}; },
                     [member](const AgentConfig &c) { return quoted(c.*member); });
}

ConfigKey ConfigKey::s3Text(QString name, QString help, QString S3Settings::*member)
{
    return ConfigKey(std::move(name), std::move(help),
                     [member](AgentConfig &c, const QString &v) -> Status { c.s3.*member = v; return {}; },
                     [member](const AgentConfig &c) { return quoted(c.s3.*member); });
}

ConfigKey ConfigKey::secretPath(QString name, QString help, QString AgentConfig::*member)
{
    // The key file's path is not secret, but printing configs is a habit that
    // ends in pastebins; mask it like any other secret-bearing value.
    ConfigKey key = text(std::move(name), std::move(help), member);
    key.m_getter = [member](const AgentConfig &c) { return quoted((c.*member).isEmpty() ? QString() : u"***"_qs); };
    return key;
}

ConfigKey ConfigKey::integer(QString name, QString help, int AgentConfig::*member, int min, int max)
{
    const QString keyName = name;
    return ConfigKey(std::move(name), std::move(help),
                     [=](AgentConfig &c, const QString &v) -> Status {
                         bool ok = false;
                         const int n = v.trimmed().toInt(&ok);
                         if (!ok || n < min || n > max)
                             return invalid(u"%1 must be an integer from %2 to %3, got '%4'"_qs.arg(keyName).arg(min).arg(max).arg(v));
                         c.*member = n;
                         return {};
                     },
                     [member](const AgentConfig &c) { return QString::number(c.*member); });
}

ConfigKey ConfigKey::bytes(QString name, QString help, qint64 AgentConfig::*member, qint64 min, qint64 max)
{
    const QString keyName = name;
    return ConfigKey(std::move(name), std::move(help),
                     [=](AgentConfig &c, const QString &v) -> Status {
                         bool ok = false;
                         const qint64 n = v.trimmed().toLongLong(&ok);
                         if (!ok || n < min || n > max)
                             return invalid(u"%1 must be a byte count from %2 to %3, got '%4'"_qs.arg(keyName).arg(min).arg(max).arg(v));
                         c.*member = n;
                         return {};
                     },
                     [member](const AgentConfig &c) { return QString::number(c.*member); });
}

ConfigKey ConfigKey::boolean(QString name, QString help, bool AgentConfig::*member)
{
    const QString keyName = name;
    return ConfigKey(std::move(name), std::move(help),
                     [=](AgentConfig &c, const QString &v) -> Status {
                         const QString t = v.trimmed().toLower();
                         if (t == u"true" || t == u"1")
                             c.*member = true;
                         else if (t == u"false" || t == u"0")
                             c.*member = false;
                         else
                             return invalid(u"%1 must be true or false, got '%2'"_qs.arg(keyName, v));
                         return {};
                     },
                     [member](const AgentConfig &c) { return c.*member ? u"true"_qs : u"false"_qs; });
}

ConfigKey ConfigKey::list(QString name, QString help, QStringList AgentConfig::*member)
{
    return ConfigKey(std::move(name), std::move(help),
                     [member](AgentConfig &c, const QString &v) -> Status {
                         QStringList items;
                         for (const QString &item : v.split(u',', Qt::SkipEmptyParts))
                             if (!item.trimmed().isEmpty())
                                 items << item.trimmed();
                         c.*member = items;
                         return {};
                     },
                     [member](const AgentConfig &c) {
                         QStringList items;
                         for (const QString &item : c.*member)
                             items << quoted(item);
                         return u'[' + items.join(u", "_qs) + u']';
                     });
}

QString ConfigKey::environmentName() const
{
    QString env = m_name.toUpper();
    env.replace(u'.', u'_');
    return u"DDD_"_qs + env;
}

QString ConfigKey::optionName() const
{
    QString option = m_name;
    option.replace(u'.', u'-').replace(u'_', u'-');
    return u"--"_qs + option;
}

Status ConfigKey::set(AgentConfig &config, const QString &value, const QString &source) const
{
    Status status = m_setter(config, value);
    if (!status)
        return Error::make(status.error().code, status.error().message + u" (from "_qs + source + u')');
    return status;
}

QString ConfigKey::tomlValue(const AgentConfig &config) const
{
    return m_getter(config);
}

} // namespace ddd::agent
