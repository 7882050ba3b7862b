// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace ddd::test {

// Reads fixture files under tests/data (DDD_TEST_DATA_DIR). A missing or
// malformed fixture aborts the test run with a message naming it.
class JsonFixture final
{
public:
    static QString path(const QString &relative);
    static QByteArray bytes(const QString &relative);
    static QJsonValue json(const QString &relative);
};

} // namespace ddd::test
