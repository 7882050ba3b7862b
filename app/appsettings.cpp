// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/appsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace ddd::app {

const QList<AppSettings::KeyInfo> &AppSettings::keys()
{
    static const QList<KeyInfo> table = {
        {Key::WindowGeometry, u"layout/windowGeometry"_qs, Scope::Layout, QByteArray()},
        {Key::WindowState, u"layout/windowState"_qs, Scope::Layout, QByteArray()},
        {Key::AgentSplitter, u"layout/agentSplitter"_qs, Scope::Layout, QByteArray()},
        {Key::CurrentAgent, u"layout/currentAgent"_qs, Scope::Layout, QString()},
        {Key::Agents, u"connections/agents"_qs, Scope::Connections, QString()},
        {Key::Language, u"preferences/language"_qs, Scope::Preferences, QString()},
        {Key::PendingUploads, u"connections/pendingUploads"_qs, Scope::Connections, QString()},
        {Key::TableColumns, u"layout/tableColumns"_qs, Scope::Layout, QVariantMap()},
    };
    return table;
}

const AppSettings::KeyInfo &AppSettings::info(Key key)
{
    for (const KeyInfo &entry : keys())
        if (entry.key == key)
            return entry;
    Q_UNREACHABLE();
}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QVariant AppSettings::value(Key key) const
{
    const KeyInfo &entry = info(key);
    return m_settings->value(entry.name, entry.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(info(key).name, value);
}

void AppSettings::reset(Key key)
{
    m_settings->remove(info(key).name);
}

void AppSettings::resetScope(Scope scope)
{
    for (const KeyInfo &entry : keys())
        if (entry.scope == scope)
            m_settings->remove(entry.name);
}

void AppSettings::sync()
{
    m_settings->sync();
}

QList<AgentProfile> AppSettings::agents() const
{
    const QJsonArray array = QJsonDocument::fromJson(value(Key::Agents).toString().toUtf8()).array();
    QList<AgentProfile> agents;
    for (const QJsonValue &entry : array)
        if (auto profile = AgentProfile::fromJson(entry.toObject()))
            agents.append(*profile);
    return agents;
}

void AppSettings::setAgents(const QList<AgentProfile> &agents)
{
    QJsonArray array;
    for (const AgentProfile &profile : agents)
        array.append(profile.toJson());
    setValue(Key::Agents, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

} // namespace ddd::app
