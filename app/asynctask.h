// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace ddd::app {

// Runs `work` on the global thread pool and hands its result to `callback`
// on `context`'s thread (KeePassXC's runThenCallback). If `context` dies
// first, the result is dropped; the GUI never waits for the work.
template<typename Work, typename Callback>
void runThenCallback(QObject *context, Work work, Callback callback)
{
    QtConcurrent::run(std::move(work)).then(context, std::move(callback));
}

} // namespace ddd::app
