// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/buildlogpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ddd::app {

BuildLogPage::BuildLogPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"buildLogPage"_qs);
    auto *message = new QLabel(this);
    message->setObjectName(u"buildLogMessage"_qs);
    message->setAlignment(Qt::AlignCenter);
    message->setWordWrap(true);
    message->setText(tr("<p><b>Builds arrive in a later release.</b></p>"
                        "<p>This release deploys sites that are already built: drop the output folder "
                        "(the one with index.html) or an archive of it. When the agent learns to build "
                        "sites from source, their logs will stream here.</p>"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
}

} // namespace ddd::app
