// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/combinedlogfile.h"

#include <QDateTime>
#include <QFile>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ddd::agent {

std::atomic<unsigned> CombinedLogFile::s_reopenGeneration{0};

namespace {

constexpr qsizetype maxFieldBytes = 512;

// A header value inside double quotes: quotes, backslashes and anything
// not printable ASCII escaped as Apache does (\" \\ \xhh), cut at 512 bytes.
void appendQuoted(QByteArray &out, const QByteArray &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    if (value.isEmpty())
        out += '-';
    for (const char c : value.left(maxFieldBytes)) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte >= 0x7f) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

// The Referer without what may be secret: query, fragment, user info.
QByteArray refererOf(const http::RequestRecord &record)
{
    const QByteArray referer = record.headers ? record.headers->value("Referer") : QByteArray();
    if (referer.isEmpty())
        return {};
    const QUrl url = QUrl::fromEncoded(referer, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return {};
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toEncoded();
}

QByteArray clfTime(qint64 nowMs)
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    if (nowMs / 1000 != cachedSecond) {
        cachedSecond = nowMs / 1000;
        const QDateTime time = QDateTime::fromSecsSinceEpoch(cachedSecond, Qt::UTC);
        // English month names whatever the locale, as the format wants.
        static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        cached = QByteArray::number(time.date().day()).rightJustified(2, '0') + '/'
                 + months[time.date().month() - 1] + '/' + QByteArray::number(time.date().year()) + ':'
                 + time.time().toString(u"HH:mm:ss"_qs).toLatin1() + " +0000";
    }
    return cached;
}

} // namespace

CombinedLogFile::CombinedLogFile(QString path) : m_path(std::move(path)) {}

CombinedLogFile::~CombinedLogFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

core::Status CombinedLogFile::open()
{
    std::lock_guard lock(m_mutex);
    return openLocked();
}

core::Status CombinedLogFile::openLocked()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_generation = s_reopenGeneration.load();
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (m_fd < 0)
        return core::Error::make(u"log.unwritable"_qs, u"cannot open %1: %2"_qs.arg(m_path, QString::fromLocal8Bit(std::strerror(errno))),
                                 QJsonObject{{u"file"_qs, m_path}});
    return {};
}

void CombinedLogFile::write(const QByteArray &lines)
{
    std::lock_guard lock(m_mutex);
    if (m_fd < 0 || m_generation != s_reopenGeneration.load())
        if (!openLocked())
            return; // the file went away and cannot be made again: lines are lost, serving goes on
    for (qsizetype done = 0; done < lines.size();) {
        const ssize_t written = ::write(m_fd, lines.constData() + done, size_t(lines.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return;
        done += written;
    }
}

void CombinedLogFile::reopenAll()
{
    s_reopenGeneration.fetch_add(1);
}

QByteArray CombinedLogFile::line(const http::RequestRecord &record, quint16 port, qint64 nowMs)
{
    QByteArray out;
    out.reserve(256);
    out += record.requestHost.isEmpty() ? QByteArray("-") : record.requestHost.toUtf8();
    out += ':' + QByteArray::number(port) + ' ';
    out += record.clientAddress.toLatin1() + " - - [" + clfTime(nowMs) + "] \"";
    out += record.method.isEmpty() ? QByteArray("-") : record.method;
    out += ' ';
    out += record.path.isEmpty() ? QByteArray("-") : QUrl::toPercentEncoding(record.path, "/!$&'()*+,;=:@~");
    out += ' ' + (record.protocol.isEmpty() ? QByteArray("HTTP/1.1") : record.protocol) + "\" ";
    out += QByteArray::number(record.status) + ' ';
    out += record.bytesSent > 0 ? QByteArray::number(record.bytesSent) : QByteArray("-");
    out += ' ';
    appendQuoted(out, refererOf(record));
    out += ' ';
    appendQuoted(out, record.headers ? record.headers->value("User-Agent") : QByteArray());
    out += '\n';
    return out;
}

} // namespace ddd::agent
