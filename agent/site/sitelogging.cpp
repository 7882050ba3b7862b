// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/sitelogging.h"

Q_LOGGING_CATEGORY(lcSite, "ddd.agent.site")
