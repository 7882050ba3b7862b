// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace ddd::test {

// A loopback TCP port that refuses every connection for as long as this
// object lives: a socket bound to it but never listening. Unlike a port
// found free and closed again, no other test can start listening on it
// meanwhile, so "unreachable" stays unreachable in a busy parallel run.
class RefusingPort final
{
public:
    RefusingPort();
    ~RefusingPort();
    RefusingPort(const RefusingPort &) = delete;
    RefusingPort &operator=(const RefusingPort &) = delete;

    quint16 port() const { return m_port; } // 0 when no socket could be bound

private:
    int m_socket = -1;
    quint16 m_port = 0;
};

} // namespace ddd::test
