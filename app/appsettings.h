// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/agentprofile.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace ddd::app {

// The dashboard's settings behind one key table (KeePassXC's Config): every
// key has one name, a scope and a default, and nothing else touches QSettings.
// Secrets never live here; they go to the CredentialStore.
class AppSettings final
{
public:
    enum class Scope {
        Layout,      // window geometry and splitters; "Reset layout" clears these
        Connections, // the agents the user added
        Preferences, // choices the user made in the app
    };

    enum class Key {
        WindowGeometry,
        WindowState,
        AgentSplitter,
        CurrentAgent,
        Agents,
        Language,
        PendingUploads,
        TableColumns, // column widths the user chose, per table (ColumnFitter)
    };

    struct KeyInfo
    {
        Key key;
        QString name;
        Scope scope;
        QVariant defaultValue;
    };

    // `iniPath` empty: the platform's usual place for this organisation and app.
    explicit AppSettings(const QString &iniPath = {});
    ~AppSettings();

    static const QList<KeyInfo> &keys();
    static const KeyInfo &info(Key key);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    void resetScope(Scope scope);
    void sync();

    QList<AgentProfile> agents() const;
    void setAgents(const QList<AgentProfile> &agents);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ddd::app
