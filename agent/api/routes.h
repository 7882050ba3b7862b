// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

#include <QList>

namespace ddd::agent::api {

class ActivityController;
class ArchiveUploadsController;
class AuthController;
class BuildHooksController;
class BuildsController;
class CertificateController;
class DeploysController;
class HealthController;
class MissingPathsController;
class ProjectsController;
class ShareLinksController;
class SourcesController;
class TokensController;
class WebhooksController;
class UploadsController;

// Every controller the route table dispatches to.
struct Controllers final
{
    HealthController &health;
    AuthController &auth;
    TokensController &tokens;
    ProjectsController &projects;
    ShareLinksController &shareLinks;
    DeploysController &deploys;
    UploadsController &uploads;
    SourcesController &sources;
    BuildsController &builds;
    BuildHooksController &buildHooks;
    MissingPathsController &missingPaths;
    ActivityController &activity;
    CertificateController &certificate;
    WebhooksController &webhooks;
    ArchiveUploadsController &archiveUploads;
};

// The whole API in one table (docs/api.md lists the same rows).
QList<Route> apiRoutes(const Controllers &controllers);

} // namespace ddd::agent::api
