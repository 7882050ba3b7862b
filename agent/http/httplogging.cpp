// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/httplogging.h"

Q_LOGGING_CATEGORY(lcHttp, "ddd.agent.http")
