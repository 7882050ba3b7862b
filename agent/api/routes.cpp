// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/routes.h"

#include "agent/api/activitycontroller.h"
#include "agent/api/archiveuploadscontroller.h"
#include "agent/api/authcontroller.h"
#include "agent/api/buildhookscontroller.h"
#include "agent/api/buildscontroller.h"
#include "agent/api/certificatecontroller.h"
#include "agent/api/deployscontroller.h"
#include "agent/api/healthcontroller.h"
#include "agent/api/missingpathscontroller.h"
#include "agent/api/projectscontroller.h"
#include "agent/api/sharelinkscontroller.h"
#include "agent/api/sourcescontroller.h"
#include "agent/api/tokenscontroller.h"
#include "agent/api/uploadscontroller.h"
#include "agent/api/webhookscontroller.h"

namespace ddd::agent::api {

namespace {

// Binds a const member function of a controller as a route handler.
template<typename Controller>
Handler bind(Controller &controller, http::Response (Controller::*method)(Call &) const)
{
    return [&controller, method](Call &call) { return (controller.*method)(call); };
}

// Binds a controller's opener for an upload route: it opens the core upload
// the body streams into, and that upload's outcome is the answer.
template<typename Controller>
UploadOpener bindUpload(Controller &controller, core::Result<OpenedUpload> (Controller::*method)(Call &) const)
{
    return [&controller, method](Call &call) { return (controller.*method)(call); };
}

} // namespace

QList<Route> apiRoutes(const Controllers &c)
{
    using enum Access;
    using enum BodyKind;
    // method, path, access, body, API-token capability, handler (or the upload opener)
    return {
        {"GET", u"/api/v1/health"_qs, Public, None, {}, bind(c.health, &HealthController::health)},
        {"GET", u"/api/v1/status"_qs, Operator, None, u"read"_qs, bind(c.health, &HealthController::status)},
        {"GET", u"/metrics"_qs, Public, None, {}, bind(c.health, &HealthController::metrics)},

        {"POST", u"/api/v1/auth/register"_qs, Public, Json, {}, bind(c.auth, &AuthController::registerUser)},
        {"POST", u"/api/v1/auth/login"_qs, Public, Json, {}, bind(c.auth, &AuthController::login)},
        {"GET", u"/api/v1/me"_qs, User, None, u"read"_qs, bind(c.auth, &AuthController::me)},
        {"POST", u"/api/v1/me/password"_qs, User, Json, {}, bind(c.auth, &AuthController::changePassword)},

        {"POST", u"/api/v1/tokens"_qs, User, Json, {}, bind(c.tokens, &TokensController::create)},
        {"GET", u"/api/v1/tokens"_qs, User, None, {}, bind(c.tokens, &TokensController::list)},
        {"DELETE", u"/api/v1/tokens/{id}"_qs, User, None, {}, bind(c.tokens, &TokensController::revoke)},

        {"POST", u"/api/v1/projects"_qs, User, Json, u"projects"_qs, bind(c.projects, &ProjectsController::create)},
        {"GET", u"/api/v1/projects"_qs, User, None, u"read"_qs, bind(c.projects, &ProjectsController::list)},
        {"GET", u"/api/v1/projects/{id}"_qs, User, None, u"read"_qs, bind(c.projects, &ProjectsController::get)},
        {"PATCH", u"/api/v1/projects/{id}"_qs, User, Json, u"projects"_qs, bind(c.projects, &ProjectsController::update)},
        {"DELETE", u"/api/v1/projects/{id}"_qs, User, None, u"projects"_qs, bind(c.projects, &ProjectsController::remove)},
        {"POST", u"/api/v1/projects/{id}/share-links"_qs, User, Json, u"projects"_qs, bind(c.shareLinks, &ShareLinksController::issue)},
        {"DELETE", u"/api/v1/projects/{id}/share-links"_qs, User, None, u"projects"_qs, bind(c.shareLinks, &ShareLinksController::revokeAll)},
        {"GET", u"/api/v1/projects/{id}/missing-paths"_qs, User, None, u"read"_qs, bind(c.missingPaths, &MissingPathsController::list)},
        {"GET", u"/api/v1/projects/{id}/activity"_qs, User, None, u"read"_qs, bind(c.activity, &ActivityController::list)},
        {"GET", u"/api/v1/projects/{id}/certificate"_qs, User, None, u"read"_qs, bind(c.certificate, &CertificateController::get)},

        {"POST", u"/api/v1/projects/{id}/deploys"_qs, User, Upload, u"deploy"_qs,
         {}, bindUpload(c.deploys, &DeploysController::openArchive)},
        {"GET", u"/api/v1/projects/{id}/deploys"_qs, User, None, u"read"_qs, bind(c.deploys, &DeploysController::list)},
        {"POST", u"/api/v1/projects/{id}/rollback"_qs, User, Json, u"activate"_qs, bind(c.deploys, &DeploysController::rollback)},
        {"GET", u"/api/v1/deploys/{id}"_qs, User, None, u"read"_qs, bind(c.deploys, &DeploysController::get)},
        {"GET", u"/api/v1/deploys/{id}/files"_qs, User, None, u"read"_qs, bind(c.deploys, &DeploysController::files)},
        {"PATCH", u"/api/v1/deploys/{id}"_qs, User, Json, u"deploy"_qs, bind(c.deploys, &DeploysController::update)},
        {"DELETE", u"/api/v1/deploys/{id}"_qs, User, None, u"deploy"_qs, bind(c.deploys, &DeploysController::remove)},
        {"POST", u"/api/v1/deploys/{id}/activate"_qs, User, None, u"activate"_qs, bind(c.deploys, &DeploysController::activate)},

        {"POST", u"/api/v1/projects/{id}/uploads"_qs, User, Manifest, u"deploy"_qs, bind(c.uploads, &UploadsController::start)},
        {"GET", u"/api/v1/uploads/{id}/blobs/{sha256}"_qs, User, None, u"deploy"_qs, bind(c.uploads, &UploadsController::blobStatus)},
        {"PUT", u"/api/v1/uploads/{id}/blobs/{sha256}"_qs, User, Upload, u"deploy"_qs,
         {}, bindUpload(c.uploads, &UploadsController::openBlob)},
        {"POST", u"/api/v1/uploads/{id}/finalize"_qs, User, Json, u"deploy"_qs, bind(c.uploads, &UploadsController::finalize)},

        {"POST", u"/api/v1/projects/{id}/archive-uploads"_qs, User, Json, u"deploy"_qs, bind(c.archiveUploads, &ArchiveUploadsController::create)},
        {"GET", u"/api/v1/projects/{id}/archive-uploads"_qs, User, None, u"deploy"_qs, bind(c.archiveUploads, &ArchiveUploadsController::list)},
        {"GET", u"/api/v1/archive-uploads/{id}"_qs, User, None, u"deploy"_qs, bind(c.archiveUploads, &ArchiveUploadsController::get)},
        {"PATCH", u"/api/v1/archive-uploads/{id}"_qs, User, Upload, u"deploy"_qs,
         {}, bindUpload(c.archiveUploads, &ArchiveUploadsController::openChunk)},
        {"POST", u"/api/v1/archive-uploads/{id}/complete"_qs, User, Json, u"deploy"_qs, bind(c.archiveUploads, &ArchiveUploadsController::complete)},
        {"DELETE", u"/api/v1/archive-uploads/{id}"_qs, User, None, u"deploy"_qs, bind(c.archiveUploads, &ArchiveUploadsController::remove)},

        {"POST", u"/api/v1/projects/{id}/sources"_qs, User, Upload, u"build"_qs,
         {}, bindUpload(c.sources, &SourcesController::openArchive)},
        {"GET", u"/api/v1/projects/{id}/sources"_qs, User, None, u"read"_qs, bind(c.sources, &SourcesController::list)},
        {"GET", u"/api/v1/sources/{id}"_qs, User, None, u"read"_qs, bind(c.sources, &SourcesController::get)},
        {"POST", u"/api/v1/projects/{id}/builds"_qs, User, Json, u"build"_qs, bind(c.builds, &BuildsController::start)},
        {"GET", u"/api/v1/projects/{id}/builds"_qs, User, None, u"read"_qs, bind(c.builds, &BuildsController::list)},
        {"GET", u"/api/v1/builds/{id}"_qs, User, None, u"read"_qs, bind(c.builds, &BuildsController::get)},
        {"GET", u"/api/v1/builds/{id}/log"_qs, User, None, u"read"_qs, bind(c.builds, &BuildsController::log)},
        {"GET", u"/api/v1/builds/{id}/log/stream"_qs, User, None, u"read"_qs, bind(c.builds, &BuildsController::stream)},
        {"POST", u"/api/v1/builds/{id}/cancel"_qs, User, Json, u"build"_qs, bind(c.builds, &BuildsController::cancel)},
        {"POST", u"/api/v1/projects/{id}/build-hooks"_qs, User, Json, u"build"_qs, bind(c.buildHooks, &BuildHooksController::create)},
        {"GET", u"/api/v1/projects/{id}/build-hooks"_qs, User, None, u"build"_qs, bind(c.buildHooks, &BuildHooksController::list)},
        {"DELETE", u"/api/v1/build-hooks/{id}"_qs, User, None, u"build"_qs, bind(c.buildHooks, &BuildHooksController::revoke)},
        {"POST", u"/api/v1/hooks/{token}"_qs, Public, Json, {}, bind(c.buildHooks, &BuildHooksController::trigger)},

        {"POST", u"/api/v1/projects/{id}/webhooks"_qs, User, Json, u"projects"_qs, bind(c.webhooks, &WebhooksController::create)},
        {"GET", u"/api/v1/projects/{id}/webhooks"_qs, User, None, u"read"_qs, bind(c.webhooks, &WebhooksController::list)},
        {"GET", u"/api/v1/webhooks/{id}"_qs, User, None, u"read"_qs, bind(c.webhooks, &WebhooksController::get)},
        {"PATCH", u"/api/v1/webhooks/{id}"_qs, User, Json, u"projects"_qs, bind(c.webhooks, &WebhooksController::update)},
        {"DELETE", u"/api/v1/webhooks/{id}"_qs, User, None, u"projects"_qs, bind(c.webhooks, &WebhooksController::remove)},
        {"POST", u"/api/v1/webhooks/{id}/ping"_qs, User, None, u"projects"_qs, bind(c.webhooks, &WebhooksController::ping)},
        {"GET", u"/api/v1/webhooks/{id}/deliveries"_qs, User, None, u"read"_qs, bind(c.webhooks, &WebhooksController::deliveries)},
        {"POST", u"/api/v1/webhook-deliveries/{id}/redeliver"_qs, User, None, u"projects"_qs, bind(c.webhooks, &WebhooksController::redeliver)},
    };
}

} // namespace ddd::agent::api
