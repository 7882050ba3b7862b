// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/handlerfailure.h"

#include "agent/http/httplogging.h"

namespace ddd::agent::http {

core::Error handlerFailure(const std::exception_ptr &failure, const char *where)
{
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception &exception) {
        qCCritical(lcHttp) << "exception in" << where << ":" << exception.what();
    } catch (...) {
        qCCritical(lcHttp) << "unknown exception in" << where;
    }
    return core::Error::make(u"internal"_qs, u"internal error"_qs);
}

} // namespace ddd::agent::http
