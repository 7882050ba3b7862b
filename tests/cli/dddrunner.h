// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ddd::test {

// Runs the real `ddd` binary as a child process with its own config folder
// (XDG_CONFIG_HOME) and the file token store, while this process's event
// loop keeps running (the agent and any relay live here too).
class DddRunner final
{
public:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const;
        // The stable code of the JSON error that ends stderr (with --json).
        QString errorCode() const;
        QString both() const { return QString::fromUtf8(out + err); }
    };

    explicit DddRunner(QString configHome);

    // Extra variables for every run (DDD_AGENT, DDD_TOKEN, ...); empty removes.
    void setVariable(const QString &name, const QString &value);
    Run run(const QStringList &arguments, const QByteArray &input = {}) const;

private:
    QProcessEnvironment m_environment;
};

} // namespace ddd::test
