// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPushButton>

namespace ddd::app {

// Below a paged list (projects, versions): shown while the agent has more
// rows than the list holds, asks for the next page on a click and stays
// disabled until it arrived, so one click loads one page.
class LoadMoreButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadMoreButton)

public:
    explicit LoadMoreButton(const QString &text, QWidget *parent = nullptr);

    // After every page: whether another one follows.
    void setMoreAvailable(bool more);

signals:
    void moreRequested();
};

} // namespace ddd::app
