// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace ddd::agent::http {

// The threads that run handler code, which may block (SQLite, argon2, disk),
// so that the I/O threads never do.
class WorkerPool final
{
public:
    // `onExit` runs on each worker thread as it finishes.
    WorkerPool(int threads, std::function<void()> onExit);
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;
    ~WorkerPool();

    // Lets running jobs finish, drops queued ones and joins the threads.
    void stop();

    // Runs `job` on a worker, then resumes the awaiting coroutine on its own
    // executor; an exception the job throws is rethrown there. The job may
    // capture the coroutine's locals by reference: the coroutine stays
    // suspended (and alive) until the job has returned.
    asio::awaitable<void> run(std::function<void()> job);

private:
    asio::io_context m_context;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> m_work;
    std::vector<std::thread> m_threads;
};

} // namespace ddd::agent::http
