// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/scriptfixture.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::test {

// A throw-away S3 server for one test executable: a single-node Ceph with
// radosgw on loopback (tests/support/radosgw-fixture.sh), stopped when this
// object goes. Starting takes 13-20 s.
class RadosgwFixture final
{
public:
    struct Server
    {
        quint16 port = 0;
        QByteArray accessKey;
        QByteArray secretKey;
    };

    // nullopt with failure() saying why (the script's own report included).
    std::optional<Server> start();
    QString failure() const { return m_failure; }

private:
    ScriptFixture m_script{u"radosgw-fixture.sh"_qs};
    QString m_failure;
};

} // namespace ddd::test
