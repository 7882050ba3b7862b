// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/models/activitytablemodel.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/statuspalette.h"

#include <QHash>
#include <QJsonArray>

namespace ddd::app {

using core::model::ActivityEntry;

namespace {

QString actorText(const ActivityEntry &entry)
{
    if (entry.via == u"token")
        return ActivityTableModel::tr("%1 (API token)").arg(entry.actor);
    if (entry.via == u"build")
        return entry.actor == u"build hook" ? ActivityTableModel::tr("Build hook")
                                             : ActivityTableModel::tr("%1 (build)").arg(entry.actor);
    return entry.actor;
}

// A changed field as the Settings tab names it; the API's name for the rest.
QString fieldText(const QString &field)
{
    static const QHash<QString, const char *> names = {
        {u"name"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "name")},
        {u"domain"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "domain")},
        {u"aliases"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "aliases")},
        {u"shareLinks"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "share links revoked")},
        {u"settings.spaMode"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "single-page app")},
        {u"settings.sitePassword"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "site password")},
        {u"settings.build"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "build")},
        {u"settings.optOutMinify"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "minifying")},
        {u"settings.buildFlags"_qs, QT_TRANSLATE_NOOP("ddd::app::ActivityTableModel", "build flags")},
    };
    const char *name = names.value(field);
    return name ? ActivityTableModel::tr(name) : field;
}

// What changed, in words: the fields of a settings change, a token's name, a deploy's size.
QString detailText(const ActivityEntry &entry)
{
    const QJsonObject &detail = entry.detail;
    if (entry.kind == u"project.updated") {
        QStringList fields;
        for (const QJsonValue &field : detail.value(u"fields"_qs).toArray())
            fields << fieldText(field.toString());
        return fields.join(u", "_qs);
    }
    if (entry.kind.startsWith(u"token."))
        return detail.value(u"token"_qs).toString();
    if (entry.kind == u"deploy.created")
        return ActivityTableModel::tr("%n file(s), %1", nullptr, detail.value(u"files"_qs).toInt())
            .arg(DisplayFormat::bytes(detail.value(u"bytes"_qs).toInteger()));
    return {};
}

} // namespace

ActivityTableModel::ActivityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ActivityTableModel::setEntries(const QList<ActivityEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void ActivityTableModel::appendEntries(const QList<ActivityEntry> &entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + entries.size() - 1));
    m_entries += entries;
    endInsertRows();
}

void ActivityTableModel::clear()
{
    setEntries({});
}

const ActivityEntry *ActivityTableModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

QString ActivityTableModel::eventText(const QString &kind)
{
    static const QHash<QString, const char *> texts = {
        {u"deploy.created"_qs, QT_TR_NOOP("Deployed")},
        {u"deploy.refused"_qs, QT_TR_NOOP("Deploy refused")},
        {u"version.activated"_qs, QT_TR_NOOP("Went live")},
        {u"version.rolled_back"_qs, QT_TR_NOOP("Rolled back")},
        {u"version.pinned"_qs, QT_TR_NOOP("Pinned")},
        {u"version.unpinned"_qs, QT_TR_NOOP("Unpinned")},
        {u"version.deleted"_qs, QT_TR_NOOP("Version deleted")},
        {u"project.updated"_qs, QT_TR_NOOP("Settings changed")},
        {u"token.created"_qs, QT_TR_NOOP("API token created")},
        {u"token.revoked"_qs, QT_TR_NOOP("API token revoked")},
        {u"token.used"_qs, QT_TR_NOOP("Signed in with an API token")},
    };
    const char *text = texts.value(kind);
    return text ? tr(text) : kind;
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ActivityEntry &entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayText(entry, index.column());
    case Qt::ToolTipRole: return toolTip(entry);
    case Qt::ForegroundRole:
        return index.column() == Outcome && entry.refused ? StatusPalette::color(StatusPalette::Level::Problem)
                                                          : QVariant();
    default: return {};
    }
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When: return tr("When");
    case Event: return tr("Event");
    case Version: return tr("Version");
    case Actor: return tr("By");
    case Outcome: return tr("Outcome");
    default: return {};
    }
}

QString ActivityTableModel::displayText(const ActivityEntry &entry, int column)
{
    switch (column) {
    case When: return DisplayFormat::time(entry.at);
    case Event: {
        const QString detail = detailText(entry);
        return detail.isEmpty() ? eventText(entry.kind) : tr("%1: %2").arg(eventText(entry.kind), detail);
    }
    case Version: return entry.versionNumber ? DisplayFormat::version(*entry.versionNumber) : QString();
    case Actor: return actorText(entry);
    case Outcome: return entry.refused ? tr("Refused") : tr("Done");
    default: return {};
    }
}

// The refusal's stable code goes here, not in the table: it is for support, not for reading.
QString ActivityTableModel::toolTip(const ActivityEntry &entry)
{
    QStringList lines{eventText(entry.kind)};
    if (entry.refused) {
        const QJsonObject details = entry.detail.value(u"refusal"_qs).toObject();
        const UserMessage message = ErrorMessages::describe(core::Error::make(entry.code, {}, details));
        lines << message.what;
        if (!message.next.isEmpty())
            lines << message.next;
        lines << tr("Code: %1").arg(entry.code);
    }
    return lines.join(u'\n');
}

} // namespace ddd::app
