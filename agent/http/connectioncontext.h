// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/requestheadbuilder.h"
#include "agent/http/requesthandler.h"
#include "agent/http/serverlimits.h"

namespace ddd::agent::http {

class DrainSignal;
class WorkerPool;

// What every connection of one server shares; owned by the server, which
// outlives its connections.
struct ConnectionContext final
{
    const ServerLimits &limits;
    RequestHandler &handler;
    const RequestObserver &observer;
    WorkerPool &workers;
    const RequestHeadBuilder &headBuilder;
    DrainSignal &drain;
};

} // namespace ddd::agent::http
