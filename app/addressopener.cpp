// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/addressopener.h"

#include "app/widgets/messagebar.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>

namespace ddd::app {

void AddressOpener::open(const QUrl &address) const
{
    if (!address.isValid() || address.isEmpty())
        return;
    if (QDesktopServices::openUrl(address))
        return;
    m_messages.showMessage(StatusPalette::Level::Warning,
                           tr("No web browser could be started for %1. Copy the address and open it in a "
                              "browser yourself.").arg(address.toString()));
    // The bar owns the callback, so it may outlive this opener.
    MessageBar *bar = &m_messages;
    m_messages.setAction(tr("&Copy Address"), [bar, address] { AddressOpener(*bar).copy(address); });
}

void AddressOpener::copy(const QUrl &address) const
{
    if (!address.isValid() || address.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(address.toString());
    m_messages.showMessage(StatusPalette::Level::Good, tr("Copied %1 to the clipboard.").arg(address.toString()));
}

} // namespace ddd::app
