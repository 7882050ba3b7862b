// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/droparea.h"

#include "app/siteinspection.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QVBoxLayout>

namespace ddd::app {

DropArea::DropArea(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(u"dropArea"_qs);
    setAcceptDrops(true);
    setMinimumHeight(72);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setText(tr("Drop a site folder, or a .zip or .tar.gz archive, here to deploy it to the selected project."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    setHighlighted(false);
}

QString DropArea::deployablePath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().first();
    if (!url.isLocalFile())
        return {};
    const QFileInfo info(url.toLocalFile());
    if (info.isDir() || (info.isFile() && SiteInspection::isArchivePath(info.fileName())))
        return info.absoluteFilePath();
    return {};
}

void DropArea::dragEnterEvent(QDragEnterEvent *event)
{
    if (deployablePath(event->mimeData()).isEmpty())
        return event->ignore();
    setHighlighted(true);
    event->acceptProposedAction();
}

void DropArea::dragLeaveEvent(QDragLeaveEvent *event)
{
    setHighlighted(false);
    QFrame::dragLeaveEvent(event);
}

void DropArea::dropEvent(QDropEvent *event)
{
    setHighlighted(false);
    const QString path = deployablePath(event->mimeData());
    if (path.isEmpty())
        return event->ignore();
    event->acceptProposedAction();
    emit dropped(path);
}

void DropArea::setHighlighted(bool highlighted)
{
    setStyleSheet(highlighted ? u"ddd--app--DropArea { border: 2px dashed palette(highlight); "
                                u"background: palette(alternate-base); border-radius: 8px; }"_qs
                              : u"ddd--app--DropArea { border: 2px dashed palette(mid); border-radius: 8px; }"_qs);
}

} // namespace ddd::app
