// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <optional>

namespace ddd::test {

// A server a tests/support script runs in a temporary folder: `SCRIPT start
// DIR` prints what a test needs to reach it, `SCRIPT stop DIR` ends it (the
// throw-away PostgreSQL and radosgw). Stopped when this object goes.
class ScriptFixture final
{
public:
    explicit ScriptFixture(QString scriptName);
    ScriptFixture(const ScriptFixture &) = delete;
    ScriptFixture &operator=(const ScriptFixture &) = delete;
    ~ScriptFixture();

    // The script's trimmed output, or nullopt with failure() saying why.
    std::optional<QByteArray> start(std::chrono::milliseconds timeout);
    // `SCRIPT <command> DIR` for a script that has more (postgres-fixture.sh
    // restart): true when it exits with 0 within `timeout`.
    bool run(const QString &command, std::chrono::milliseconds timeout);
    QString failure() const { return m_failure; }

private:
    QString m_script;
    QTemporaryDir m_dir;
    bool m_started = false;
    QString m_failure;
};

} // namespace ddd::test
