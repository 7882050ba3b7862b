// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The transport's logging category ("ddd.agent.http"). Request lines are
// logged without header values: they may carry credentials.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
