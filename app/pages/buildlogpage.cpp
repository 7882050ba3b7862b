// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/buildlogpage.h"

#include "app/models/buildtablemodel.h"
#include "app/widgets/buildlogview.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ddd::app {

using core::client::RemoteBuild;

namespace {

QAction *action(QObject *parent, const QString &text, const QString &objectName, const QString &tip)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setToolTip(tip);
    return action;
}

} // namespace

BuildLogPage::BuildLogPage(BuildTableModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_title(new QLabel(this)),
      m_table(new QTableView(this)),
      m_placeholder(new QLabel(this)),
      m_stack(new QStackedWidget(this)),
      m_logTitle(new QLabel(this)),
      m_log(new BuildLogView(this)),
      m_rebuild(action(this, tr("&Rebuild"), u"actionRebuild"_qs, tr("Build the same source again"))),
      m_cancel(action(this, tr("&Cancel Build"), u"actionCancelBuild"_qs, tr("Stop the build; nothing goes live"))),
      m_goLive(action(this, tr("&Go Live"), u"actionBuildGoLive"_qs, tr("Make the version this build produced live"))),
      m_buildFromGit(action(this, tr("Build from &Git"), u"actionBuildFromGit"_qs, QString()))
{
    setObjectName(u"buildLogPage"_qs);
    m_logTitle->setObjectName(u"buildLogTitle"_qs);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"buildsSplitter"_qs);
    split->addWidget(buildListPart());
    auto *logPart = new QWidget(split);
    auto *logLayout = new QVBoxLayout(logPart);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_log, 1);
    split->addWidget(logPart);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_rebuild, &QAction::triggered, this, &BuildLogPage::rebuildRequested);
    connect(m_cancel, &QAction::triggered, this, &BuildLogPage::cancelRequested);
    connect(m_goLive, &QAction::triggered, this, &BuildLogPage::goLiveRequested);
    connect(m_buildFromGit, &QAction::triggered, this, &BuildLogPage::buildFromGitRequested);
    setGitSource(QString(), QString());
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        emit currentBuildChanged();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updatePlaceholder();
        updateActions();
        emit currentBuildChanged();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BuildLogPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &BuildLogPage::updatePlaceholder);
    updatePlaceholder();
    updateActions();
}

QWidget *BuildLogPage::buildListPart()
{
    auto *part = new QWidget(this);
    auto *toolbar = new QToolBar(part);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({m_rebuild, m_cancel, m_goLive});
    // Apart from the others: it starts a new build rather than acting on the selected one.
    toolbar->addSeparator();
    toolbar->addAction(m_buildFromGit);
    m_title->setObjectName(u"buildsTitle"_qs);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_table->setObjectName(u"buildsTable"_qs);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_rebuild, m_cancel, m_goLive});
    m_placeholder->setObjectName(u"buildsPlaceholder"_qs);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholder);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(toolbar);
    layout->addWidget(m_stack, 1);
    return part;
}

const RemoteBuild *BuildLogPage::currentBuild() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->build(current.row()) : nullptr;
}

void BuildLogPage::selectBuild(qint64 buildId)
{
    const int row = m_model->rowOf(buildId);
    if (row >= 0)
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void BuildLogPage::setProjectName(const QString &name)
{
    m_hasProject = !name.isEmpty();
    m_title->setText(m_hasProject ? tr("Builds of %1").arg(name) : tr("Builds"));
    updatePlaceholder();
}

void BuildLogPage::setLogTitle(const QString &text)
{
    m_logTitle->setText(text);
}

void BuildLogPage::setGitSource(const QString &url, const QString &branch)
{
    m_buildFromGit->setVisible(!url.isEmpty());
    m_buildFromGit->setToolTip(tr("Clone %1 (branch %2) on the agent and build it").arg(url, branch));
}

void BuildLogPage::updateActions()
{
    const RemoteBuild *build = currentBuild();
    m_rebuild->setEnabled(build && build->sourceId > 0);
    m_cancel->setEnabled(build && build->isActive());
    m_goLive->setEnabled(build && build->versionId.has_value());
}

void BuildLogPage::updatePlaceholder()
{
    if (m_model->rowCount() > 0)
        return m_stack->setCurrentWidget(m_table);
    m_placeholder->setText(m_hasProject ? tr("No builds yet.\nDrop a Hugo, Jekyll, MkDocs or npm source folder onto the "
                                             "window and choose Build & Deploy.")
                                        : tr("Select a project to see its builds."));
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace ddd::app
