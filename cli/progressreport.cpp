// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/progressreport.h"

#include "cli/format.h"

namespace ddd::cli {

namespace {

constexpr int BarWidth = 30;

} // namespace

ProgressReport::ProgressReport(const Output &output) : m_output(output) {}

void ProgressReport::update(qint64 sent, qint64 total)
{
    if (m_output.json() || total <= 0)
        return;
    const double share = std::clamp(double(sent) / double(total), 0.0, 1.0);
    const QString amounts = Format::bytes(sent) + u" / "_qs + Format::bytes(total);
    if (m_output.interactive()) {
        const int filled = int(share * BarWidth);
        m_output.overwrite(u"["_qs + QString(filled, u'#') + QString(BarWidth - filled, u'.') + u"] "_qs
                           + QString::number(int(share * 100)).rightJustified(3) + u"%  "_qs + amounts);
        m_drawn = true;
        return;
    }
    const int tenth = int(share * 10);
    if (tenth == m_lastTenth)
        return;
    m_lastTenth = tenth;
    m_output.line(QStringLiteral("uploading: %1% (%2)").arg(tenth * 10).arg(amounts));
}

void ProgressReport::done()
{
    if (m_drawn)
        m_output.overwrite(QString());
    m_drawn = false;
}

} // namespace ddd::cli
