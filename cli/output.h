// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace ddd::cli {

// Where `ddd` writes: results on stdout (JSON with --json, text otherwise),
// errors and notes on stderr, so `ddd --json ... | jq` always gets one
// document. Progress drawing is only for a terminal.
class Output final
{
public:
    Output(std::FILE *out, std::FILE *err);

    void setJson(bool json) { m_json = json; }
    bool json() const { return m_json; }
    // stdout is a terminal (and not --json): a progress bar may be drawn.
    bool interactive() const;

    void line(const QString &text) const;
    void note(const QString &text) const; // stderr, text mode and JSON mode alike
    void document(const QJsonObject &json) const;
    // Rows as aligned columns, the first row being the header.
    void table(const QList<QStringList> &rows) const;
    // Same line again (a terminal's progress bar).
    void overwrite(const QString &text) const;
    void error(const core::Error &error) const;

private:
    std::FILE *m_out;
    std::FILE *m_err;
    bool m_json = false;
};

} // namespace ddd::cli
