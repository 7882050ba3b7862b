// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildhookservice.h"

#include "core/auth/securerandom.h"
#include "core/blobs/sha256.h"
#include "core/deploy/projectservice.h"
#include "core/storage/buildhookstore.h"
#include "core/util/clock.h"

#include <cmath>

namespace ddd::core::build {

namespace {

constexpr int TokenBytes = 32;
constexpr qsizetype MaxNameLength = 100;
// A CI pipeline triggers a few times a minute at most; more is a loop or abuse.
constexpr int CallsPerHook = 5;
constexpr int CallsPerAddress = 20;
constexpr qint64 WindowMs = 60 * 1000;

Error hookNotFound()
{
    return Error::make(u"hook.not_found"_qs, u"Build hook not found"_qs);
}

Error throttled(qint64 waitMs)
{
    const qint64 seconds = std::max<qint64>(1, qint64(std::ceil(double(waitMs) / 1000.0)));
    return Error::make(u"hook.throttled"_qs, u"This build hook is called too often; try again later"_qs,
                       {{u"retryAfterSeconds"_qs, seconds}});
}

QByteArray hashOf(const QString &token)
{
    return blobs::Sha256::hexOf(token.toLatin1());
}

} // namespace

BuildHookService::BuildHookService(storage::ConnectionProvider &connections, deploy::ProjectService &projects,
                                   BuildService &builds, const Clock &clock)
    : m_projects(projects), m_builds(builds), m_clock(clock),
      m_hooks(std::make_unique<storage::BuildHookStore>(connections)), m_perHook(clock, CallsPerHook, WindowMs),
      m_perAddress(clock, CallsPerAddress, WindowMs)
{
}

BuildHookService::~BuildHookService() = default;

Result<model::Project> BuildHookService::project(const model::Identity &caller, qint64 projectId)
{
    if (!caller.can(u"build"_qs))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"build\" capability"_qs,
                           QJsonObject{{u"capability"_qs, u"build"_qs}});
    return m_projects.findVisible(caller, projectId);
}

Result<BuildHookService::Created> BuildHookService::create(const model::Identity &caller, qint64 projectId,
                                                           const QString &name)
{
    if (Result<model::Project> found = project(caller, projectId); !found)
        return found.error();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > MaxNameLength)
        return Error::make(u"request.invalid_field"_qs, u"'name' must be 1 to 100 characters"_qs,
                           QJsonObject{{u"field"_qs, u"name"_qs}});
    Result<QByteArray> secret = auth::SecureRandom::bytes(TokenBytes);
    if (!secret)
        return secret.error();
    const QString token = u"ddh_"_qs + QString::fromLatin1(secret->toHex());
    model::BuildHook hook{0, projectId, trimmed, m_clock.nowMs(), std::nullopt, caller.userId};
    Result<model::BuildHook> stored = m_hooks->insert(hook, hashOf(token));
    if (!stored)
        return stored.error();
    return Created{*stored, token};
}

Result<QList<model::BuildHook>> BuildHookService::list(const model::Identity &caller, qint64 projectId)
{
    if (Result<model::Project> found = project(caller, projectId); !found)
        return found.error();
    return m_hooks->listByProject(projectId);
}

Status BuildHookService::revoke(const model::Identity &caller, qint64 hookId)
{
    Result<std::optional<model::BuildHook>> hook = m_hooks->find(hookId);
    if (!hook)
        return hook.error();
    if (!hook->has_value() || !project(caller, (*hook)->projectId))
        return hookNotFound();
    return m_hooks->remove(hookId);
}

// The address is throttled before the token is looked up, so guessing
// tokens is as slow as calling a real one too often.
Result<BuildService::Started> BuildHookService::trigger(const QString &token, const QString &clientAddress)
{
    if (const auto wait = m_perAddress.admit(u"address:"_qs + clientAddress))
        return throttled(*wait);
    Result<std::optional<model::BuildHook>> hook = m_hooks->findBySecretHash(hashOf(token));
    if (!hook)
        return hook.error();
    if (!hook->has_value())
        return hookNotFound();
    if (const auto wait = m_perHook.admit(u"hook:"_qs + QString::number((*hook)->id)))
        return throttled(*wait);
    (void)m_hooks->touch((*hook)->id, m_clock.nowMs());
    return m_builds.startForHook((*hook)->projectId, (*hook)->authorId);
}

} // namespace ddd::core::build
