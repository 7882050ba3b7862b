// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/upload/upload.h"

#include <functional>
#include <memory>

namespace ddd::core::upload {

// An upload whose outcome another step carries on: the body goes to
// `inner` unchanged, and complete() hands inner's outcome (success or
// refusal) to `then` (a source upload that then starts the build asked for).
template<typename From, typename To>
class ChainedUpload final : public Upload<To>
{
public:
    using Then = std::function<Result<To>(Result<From>)>;

    ChainedUpload(std::unique_ptr<Upload<From>> inner, Then then)
        : m_inner(std::move(inner)), m_then(std::move(then))
    {
    }

    Status write(QByteArrayView chunk) override { return m_inner->write(chunk); }
    Status finish() override { return m_inner->finish(); }
    void abort() override { m_inner->abort(); }
    Status takeFile(const QString &path) override { return m_inner->takeFile(path); }
    Result<To> complete() override { return m_then(m_inner->complete()); }

private:
    std::unique_ptr<Upload<From>> m_inner;
    Then m_then;
};

} // namespace ddd::core::upload
