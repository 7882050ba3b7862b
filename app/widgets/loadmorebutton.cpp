// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/loadmorebutton.h"

namespace ddd::app {

LoadMoreButton::LoadMoreButton(const QString &text, QWidget *parent) : QPushButton(text, parent)
{
    setFlat(true);
    hide();
    connect(this, &QPushButton::clicked, this, [this] {
        setEnabled(false);
        emit moreRequested();
    });
}

void LoadMoreButton::setMoreAvailable(bool more)
{
    setEnabled(true);
    setVisible(more);
}

} // namespace ddd::app
