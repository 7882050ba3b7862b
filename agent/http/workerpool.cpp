// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/workerpool.h"

#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>

#include <exception>

namespace ddd::agent::http {

WorkerPool::WorkerPool(int threads, std::function<void()> onExit)
    : m_work(asio::make_work_guard(m_context))
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        m_threads.emplace_back([this, onExit] {
            m_context.run();
            if (onExit)
                onExit();
        });
    }
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::stop()
{
    m_work.reset();
    m_context.stop();
    for (std::thread &thread : m_threads)
        if (thread.joinable())
            thread.join();
}

asio::awaitable<void> WorkerPool::run(std::function<void()> job)
{
    auto initiation = [this](auto handler, std::function<void()> work) {
        asio::post(m_context, [handler = std::move(handler), work = std::move(work)]() mutable {
            std::exception_ptr failure;
            try {
                work();
            } catch (...) {
                failure = std::current_exception();
            }
            const auto executor = asio::get_associated_executor(handler);
            asio::post(executor, [handler = std::move(handler), failure]() mutable { handler(failure); });
        });
    };
    co_await asio::async_initiate<const asio::use_awaitable_t<> &, void(std::exception_ptr)>(
        initiation, asio::use_awaitable, std::move(job));
}

} // namespace ddd::agent::http
