// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/fuzz/fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace ddd::fuzz {

QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

void violated(const char *property, const QString &detail)
{
    std::fprintf(stderr, "PROPERTY VIOLATED: %s\n  %s\n", property, detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

quint8 InputReader::byte()
{
    return atEnd() ? 0 : quint8(m_data.at(m_pos++));
}

QByteArray InputReader::until(char separator)
{
    if (atEnd())
        return {};
    const qsizetype end = m_data.indexOf(separator, m_pos);
    const qsizetype stop = end < 0 ? m_data.size() : end;
    QByteArray field = m_data.mid(m_pos, stop - m_pos);
    m_pos = end < 0 ? m_data.size() : end + 1;
    return field;
}

QByteArray InputReader::rest()
{
    QByteArray tail = m_data.mid(m_pos);
    m_pos = m_data.size();
    return tail;
}

QString scratchRoot()
{
    // Static: made once per process, removed by its destructor at exit.
    static QTemporaryDir dir(QDir::tempPath() + u"/ddd-fuzz-XXXXXX"_qs);
    if (!dir.isValid())
        violated("scratch directory", dir.errorString());
    return dir.path();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).path()) && file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size();
}

} // namespace ddd::fuzz
