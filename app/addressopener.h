// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QUrl>

namespace ddd::app {

class MessageBar;

// Opens a site address in the browser or copies it, and says what happened
// in the message bar. Opening never fails silently: without a browser the
// bar shows the address, selectable, with a button that copies it.
class AddressOpener final
{
    Q_DECLARE_TR_FUNCTIONS(AddressOpener)

public:
    explicit AddressOpener(MessageBar &messages) : m_messages(messages) {}

    void open(const QUrl &address) const;
    void copy(const QUrl &address) const;

private:
    MessageBar &m_messages;
};

} // namespace ddd::app
