// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/output.h"

#include "core/wire/errorjson.h"

#include <QJsonDocument>

#include <unistd.h>

namespace ddd::cli {

namespace {

void put(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

Output::Output(std::FILE *out, std::FILE *err) : m_out(out), m_err(err) {}

bool Output::interactive() const
{
    return !m_json && ::isatty(::fileno(m_out)) == 1;
}

void Output::line(const QString &text) const
{
    put(m_out, text + u'\n');
}

void Output::note(const QString &text) const
{
    put(m_err, text + u'\n');
}

void Output::document(const QJsonObject &json) const
{
    put(m_out, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void Output::table(const QList<QStringList> &rows) const
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    for (const QStringList &row : rows) {
        QString text;
        for (qsizetype i = 0; i < row.size(); ++i)
            text += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        line(text);
    }
}

void Output::overwrite(const QString &text) const
{
    put(m_out, u"\r\x1b[2K"_qs + text);
}

void Output::error(const core::Error &error) const
{
    if (m_json) {
        const QJsonDocument body(core::wire::errorToJson(error));
        put(m_err, QString::fromUtf8(body.toJson(QJsonDocument::Compact)) + u'\n');
        return;
    }
    put(m_err, u"ddd: "_qs + error.message + u" ["_qs + error.code + u"]\n"_qs);
}

} // namespace ddd::cli
