// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/eventstreamparser.h"

namespace ddd::core::client {

QList<EventStreamParser::Event> EventStreamParser::feed(const QByteArray &bytes)
{
    m_buffer += bytes;
    QList<Event> events;
    qsizetype start = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
        QByteArray line = m_buffer.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        takeLine(line, events);
        start = end + 1;
    }
    m_buffer.remove(0, start);
    return events;
}

void EventStreamParser::takeLine(const QByteArray &line, QList<Event> &events)
{
    if (line.isEmpty()) {
        if (m_hasData)
            events.append({m_name.isEmpty() ? u"message"_qs : m_name, m_data});
        m_name.clear();
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_name = QString::fromUtf8(value);
    } else if (field == "data") {
        if (m_hasData)
            m_data += u'\n';
        m_data += QString::fromUtf8(value);
        m_hasData = true;
    }
    // id and retry matter only for reconnecting, which a build log does not need.
}

} // namespace ddd::core::client
