// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ddd::core::client {

// The framing of text/event-stream (Server-Sent Events, WHATWG HTML
// section 9.2) fed with bytes as they arrive: `event:` names the event,
// `data:` lines join with "\n", a blank line dispatches, `:` starts a
// comment. Lines end in "\n" or "\r\n"; bytes are decoded as UTF-8 only per
// complete line, so a character split across two reads survives.
class EventStreamParser final
{
public:
    struct Event
    {
        QString name; // "message" when the stream names none
        QString data;
        bool operator==(const Event &) const = default;
    };

    QList<Event> feed(const QByteArray &bytes);
    // Bytes of an unfinished line or event still waiting for their end.
    bool hasPartialEvent() const { return !m_buffer.isEmpty() || m_hasData || !m_name.isEmpty(); }

private:
    void takeLine(const QByteArray &line, QList<Event> &events);

    QByteArray m_buffer;
    QString m_name;
    QString m_data;
    bool m_hasData = false;
};

} // namespace ddd::core::client
