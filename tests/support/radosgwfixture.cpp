// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/radosgwfixture.h"

#include <QList>

namespace ddd::test {

std::optional<RadosgwFixture::Server> RadosgwFixture::start()
{
    // Two attempts of up to about a minute each when daemons need restarts.
    const std::optional<QByteArray> printed = m_script.start(std::chrono::seconds(180));
    if (!printed) {
        m_failure = m_script.failure();
        return std::nullopt;
    }
    const QList<QByteArray> fields = printed->split(' ');
    if (fields.size() != 3 || fields[0].toUShort() == 0) {
        m_failure = u"radosgw-fixture.sh printed no PORT ACCESS_KEY SECRET_KEY: "_qs + QString::fromUtf8(*printed);
        return std::nullopt;
    }
    return Server{fields[0].toUShort(), fields[1], fields[2]};
}

} // namespace ddd::test
