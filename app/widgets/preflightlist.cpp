// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/preflightlist.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace ddd::app {

namespace {

using Level = StatusPalette::Level;

// A filled dot in the level's colour; the text carries the meaning too, so
// colour is never the only signal.
QIcon dot(Level level)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(StatusPalette::color(level));
    painter.drawEllipse(1, 1, 12, 12);
    return QIcon(pixmap);
}

QString levelWord(Level level)
{
    switch (level) {
    case Level::Problem: return PreflightList::tr("Blocks the deploy");
    case Level::Warning: return PreflightList::tr("Warning");
    case Level::Good: return PreflightList::tr("OK");
    }
    return {};
}

QString groupTitle(Level level, int count)
{
    switch (level) {
    case Level::Problem: return PreflightList::tr("Blocks the deploy (%n)", nullptr, count);
    case Level::Warning: return PreflightList::tr("Warnings (%n)", nullptr, count);
    case Level::Good: return PreflightList::tr("Summary");
    }
    return {};
}

} // namespace

PreflightList::PreflightList(QWidget *parent) : QListWidget(parent)
{
    setObjectName(u"preflightList"_qs);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::NoSelection);
}

void PreflightList::setFindings(const QList<SiteInspection::Finding> &findings)
{
    QList<SiteInspection::Finding> sorted = findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.level > b.level; });
    clear();
    // Grouped by level, each group under a heading with its count, once
    // more than one kind of finding is listed.
    const bool grouped = !sorted.isEmpty() && sorted.first().level != sorted.last().level;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const SiteInspection::Finding &finding = sorted[i];
        if (grouped && (i == 0 || sorted[i - 1].level != finding.level))
            addHeading(groupTitle(finding.level, int(std::count_if(sorted.cbegin(), sorted.cend(), [&](const auto &f) {
                           return f.level == finding.level;
                       }))));
        auto *item = new QListWidgetItem(dot(finding.level), finding.text, this);
        item->setData(Qt::UserRole, int(finding.level));
        item->setData(Qt::UserRole + 1, finding.code);
        item->setToolTip(finding.code.isEmpty() ? levelWord(finding.level)
                                                : levelWord(finding.level) + u" ("_qs + finding.code + u')');
    }
}

void PreflightList::addHeading(const QString &title)
{
    auto *heading = new QListWidgetItem(title, this);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setFlags(Qt::ItemIsEnabled);
    heading->setData(Qt::UserRole + 2, true); // a heading, not a finding
}

} // namespace ddd::app
