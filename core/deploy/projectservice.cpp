// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/projectservice.h"

#include "core/deploy/activitylog.h"

#include "core/model/projectaliases.h"
#include "core/model/projectname.h"
#include "core/storage/projectstore.h"
#include "core/util/clock.h"
#include "core/util/hostnamerules.h"
#include "core/util/stagingslug.h"

#include <QJsonArray>

#include <algorithm>

namespace ddd::core::deploy {

namespace {

using model::Identity;
using model::Project;

// A slug clash needs two equal draws out of 26 * 36^11; a few retries make a
// failure here a sign of a broken random source, not bad luck.
constexpr int MaxSlugAttempts = 5;

Error forbidden(const QString &capability)
{
    return Error::make(u"auth.forbidden"_qs, u"This token lacks the \""_qs + capability + u"\" capability"_qs,
                       QJsonObject{{u"capability"_qs, capability}});
}

Error notFound()
{
    return Error::make(u"project.not_found"_qs, u"Project not found"_qs);
}

Status checkKnownFields(const QJsonObject &json, const QStringList &known)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return Error::make(u"request.unknown_field"_qs, u"Unknown field: "_qs + it.key(),
                               QJsonObject{{u"field"_qs, it.key()}});
    }
    return {};
}

Result<QString> readName(const QJsonValue &value)
{
    if (!value.isString())
        return Error::make(u"project.invalid_name"_qs, u"The project name must be a string"_qs,
                           QJsonObject{{u"reason"_qs, value.isUndefined() ? u"missing"_qs : u"not_string"_qs}});
    return model::ProjectName::normalise(value.toString());
}

// A JSON null (or an absent field on creation) means "no domain". Names
// under the staging base domain are reserved: `<slug>.<base>` of another
// project must not be claimable as a custom domain.
Result<std::optional<QString>> readDomain(const QJsonValue &value, const QString &reservedSuffix)
{
    if (value.isNull() || value.isUndefined())
        return std::optional<QString>();
    if (!value.isString())
        return Error::make(u"project.invalid_domain"_qs, u"The domain must be a string or null"_qs,
                           QJsonObject{{u"reason"_qs, u"not_string"_qs}});
    Result<QString> domain = HostnameRules::normaliseProjectDomain(value.toString());
    if (!domain)
        return domain.error();
    if (HostnameRules::isWithin(*domain, reservedSuffix))
        return Error::make(u"project.invalid_domain"_qs,
                           u"Names under %1 are reserved for staging hosts"_qs.arg(reservedSuffix),
                           QJsonObject{{u"reason"_qs, u"reserved"_qs}});
    return std::optional<QString>(*domain);
}

Result<QJsonObject> readSettings(const QJsonValue &value)
{
    if (!value.isObject())
        return Error::make(u"project.invalid_settings"_qs, u"Settings must be a JSON object"_qs,
                           QJsonObject{{u"field"_qs, u"settings"_qs}, {u"reason"_qs, u"not_object"_qs}});
    return value.toObject();
}

} // namespace

ProjectService::ProjectService(storage::ProjectStore &store, const Clock &clock, Random &random,
                               PasswordHasher hashPassword, QStringList buildFlagsAllowlist)
    : m_store(store), m_clock(clock), m_random(random),
      m_policy{std::move(buildFlagsAllowlist), std::move(hashPassword)}
{
}

void ProjectService::allowNpmScripts(QStringList scripts)
{
    m_policy.npmScripts = std::move(scripts);
}

void ProjectService::allowGitBuilds(bool allowed)
{
    m_policy.gitBuilds = allowed;
}

void ProjectService::setHttpsAvailable(std::function<bool()> available)
{
    m_policy.httpsAvailable = std::move(available);
}

void ProjectService::reserveDomainSuffix(const QString &suffix)
{
    m_reservedDomainSuffix = suffix.toLower();
}

void ProjectService::addChangeHook(ProjectHook hook)
{
    m_changeHooks.append(std::move(hook));
}

void ProjectService::addRemovalHook(ProjectHook hook)
{
    m_removalHooks.append(std::move(hook));
}

void ProjectService::addCreationHook(ProjectHook hook)
{
    m_creationHooks.append(std::move(hook));
}

Result<Project> ProjectService::create(const Identity &caller, const QString &name,
                                       const std::optional<QString> &domain, const QJsonObject &settings)
{
    if (!caller.can(u"projects"_qs))
        return forbidden(u"projects"_qs);
    // A token bound to one project must not be able to create a second one.
    if (caller.projectScope)
        return Error::make(u"auth.forbidden"_qs, u"This token is limited to one project"_qs,
                           QJsonObject{{u"reason"_qs, u"project_scope"_qs}});
    Project project;
    project.ownerId = caller.userId;
    Result<QString> validName = model::ProjectName::normalise(name);
    if (!validName)
        return validName.error();
    project.name = *validName;
    Result<std::optional<QString>> validDomain = readDomain(domain ? QJsonValue(*domain) : QJsonValue(), m_reservedDomainSuffix);
    if (!validDomain)
        return validDomain.error();
    project.domain = *validDomain;
    Result<model::ProjectSettings> validSettings = model::ProjectSettings::fromJson(settings, {}, m_policy);
    if (!validSettings)
        return validSettings.error();
    project.settings = *validSettings;
    project.createdAt = project.updatedAt = m_clock.nowMs();
    Result<Project> created = insertWithFreshSlug(std::move(project));
    if (created)
        for (const ProjectHook &hook : m_creationHooks)
            hook(created->id);
    return created;
}

Result<Project> ProjectService::createFromJson(const Identity &caller, const QJsonObject &body)
{
    if (Status known = checkKnownFields(body, {u"name"_qs, u"domain"_qs, u"settings"_qs}); !known)
        return known.error();
    Result<QString> name = readName(body.value(u"name"_qs));
    if (!name)
        return name.error();
    const QJsonValue domain = body.value(u"domain"_qs);
    if (!domain.isString() && !domain.isNull() && !domain.isUndefined())
        return readDomain(domain, m_reservedDomainSuffix).error();
    QJsonObject settings;
    if (body.contains(u"settings"_qs)) {
        Result<QJsonObject> object = readSettings(body.value(u"settings"_qs));
        if (!object)
            return object.error();
        settings = *object;
    }
    const std::optional<QString> domainText = domain.isString() ? std::optional(domain.toString()) : std::nullopt;
    return create(caller, *name, domainText, settings);
}

Result<QList<Project>> ProjectService::list(const Identity &caller)
{
    if (!caller.can(u"read"_qs))
        return forbidden(u"read"_qs);
    Result<QList<Project>> projects = caller.isOperator() ? m_store.listAll() : m_store.listByOwner(caller.userId);
    if (!projects)
        return projects;
    projects->removeIf([&caller](const Project &project) { return !caller.mayTouchProject(project.id); });
    return projects;
}

Result<model::Page<Project>> ProjectService::listPage(const Identity &caller, const model::PageRequest &request)
{
    if (!caller.can(u"read"_qs))
        return forbidden(u"read"_qs);
    storage::ProjectStore::Scope scope;
    if (!caller.isOperator())
        scope.ownerId = caller.userId;
    scope.onlyProject = caller.projectScope;
    return m_store.page(scope, request);
}

Result<Project> ProjectService::get(const Identity &caller, qint64 id)
{
    if (!caller.can(u"read"_qs))
        return forbidden(u"read"_qs);
    return visibleProject(caller, id);
}

Result<Project> ProjectService::findVisible(const Identity &caller, qint64 id)
{
    return visibleProject(caller, id);
}

Result<Project> ProjectService::update(const Identity &caller, qint64 id, const QJsonObject &patch)
{
    if (!caller.can(u"projects"_qs))
        return forbidden(u"projects"_qs);
    if (Status known = checkKnownFields(patch, {u"name"_qs, u"domain"_qs, u"aliases"_qs, u"settings"_qs}); !known)
        return known.error();
    Result<Project> stored =
        modify(caller, id, [&](const Project &current) { return applyPatch(current, patch); });
    noteUpdate(caller, id, patch, stored);
    return stored;
}

// Read, change, write; read and change again when another agent wrote the
// row in between (`project.changed`), so no change of theirs is lost.
Result<Project> ProjectService::modify(const Identity &caller, qint64 id,
                                       const std::function<Result<Project>(const Project &)> &change)
{
    std::lock_guard lock(m_updateMutex); // this agent's own writers wait here, not in retries
    for (int attempt = 1;; ++attempt) {
        Result<Project> current = visibleProject(caller, id);
        if (!current)
            return current;
        Result<Project> changed = change(*current);
        if (!changed)
            return changed;
        Result<Project> stored = store(std::move(changed).value(), current->updatedAt);
        if (stored || stored.error().code != u"project.changed" || attempt == 5)
            return stored;
    }
}

// Which fields changed, "settings.build" for a settings field: values may
// be secrets (the site password), so they stay out of the log.
void ProjectService::noteUpdate(const Identity &caller, qint64 id, const QJsonObject &patch,
                                const Result<Project> &outcome)
{
    if (!m_activity)
        return;
    QJsonArray fields;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() != u"settings" || !it.value().isObject())
            fields.append(it.key());
        else
            for (const QString &key : it.value().toObject().keys())
                fields.append(u"settings."_qs + key);
    }
    ActivityLog::Event event{u"project.updated"_qs, std::nullopt, QJsonObject{{u"fields"_qs, fields}}};
    if (!outcome)
        event.refusal = outcome.error();
    m_activity->record(caller, id, event);
}

Result<Project> ProjectService::revokeShareLinks(const Identity &caller, qint64 id)
{
    if (!caller.can(u"projects"_qs))
        return forbidden(u"projects"_qs);
    Result<Project> stored = modify(caller, id, [](Project project) -> Result<Project> {
        ++project.settings.sitePassword.shareLinkGeneration;
        return project;
    });
    if (m_activity && stored)
        m_activity->record(caller, id, {u"project.updated"_qs, std::nullopt,
                                        QJsonObject{{u"fields"_qs, QJsonArray{u"shareLinks"_qs}}}});
    return stored;
}

// Writes a changed row, then lets the live site pick up the change.
Result<Project> ProjectService::store(Project project, qint64 readAt)
{
    // Later than what was read, even within its millisecond: the next
    // writer's check needs every write to move the time on.
    project.updatedAt = std::max(m_clock.nowMs(), readAt + 1);
    if (Status stored = m_store.update(project, readAt); !stored)
        return stored.error();
    for (const ProjectHook &hook : m_changeHooks)
        hook(project.id);
    return project;
}

Status ProjectService::remove(const Identity &caller, qint64 id)
{
    if (!caller.can(u"projects"_qs))
        return forbidden(u"projects"_qs);
    Result<Project> project = visibleProject(caller, id);
    if (!project)
        return project.error();
    if (Status removed = m_store.remove(id); !removed)
        return removed;
    for (const ProjectHook &hook : m_removalHooks)
        hook(id);
    return {};
}

Result<Project> ProjectService::visibleProject(const Identity &caller, qint64 id)
{
    if (!caller.mayTouchProject(id))
        return notFound();
    Result<std::optional<Project>> found = m_store.findById(id);
    if (!found)
        return found.error();
    if (!found->has_value() || (!caller.isOperator() && (*found)->ownerId != caller.userId))
        return notFound();
    return **found;
}

Result<Project> ProjectService::applyPatch(Project project, const QJsonObject &patch) const
{
    if (patch.contains(u"name"_qs)) {
        Result<QString> name = readName(patch.value(u"name"_qs));
        if (!name)
            return name.error();
        project.name = *name;
    }
    if (patch.contains(u"domain"_qs)) {
        Result<std::optional<QString>> domain = readDomain(patch.value(u"domain"_qs), m_reservedDomainSuffix);
        if (!domain)
            return domain.error();
        project.domain = *domain;
    }
    if (patch.contains(u"aliases"_qs)) {
        Result<QStringList> aliases = model::ProjectAliases::fromJson(patch.value(u"aliases"_qs), m_reservedDomainSuffix);
        if (!aliases)
            return aliases.error();
        project.aliases = *aliases;
    }
    if (Status aliases = model::ProjectAliases::checkAgainstDomain(project.aliases, project.domain); !aliases)
        return aliases.error();
    if (patch.contains(u"settings"_qs)) {
        Result<QJsonObject> object = readSettings(patch.value(u"settings"_qs));
        if (!object)
            return object.error();
        Result<model::ProjectSettings> settings = model::ProjectSettings::fromJson(*object, project.settings, m_policy);
        if (!settings)
            return settings.error();
        project.settings = *settings;
    }
    return project;
}

Result<Project> ProjectService::insertWithFreshSlug(Project project)
{
    for (int attempt = 0; attempt < MaxSlugAttempts; ++attempt) {
        project.slug = StagingSlug::generate(m_random);
        Result<Project> stored = m_store.insert(project);
        if (stored || stored.error().code != u"project.slug_taken")
            return stored;
    }
    return Error::make(u"internal"_qs, u"Could not find a free staging slug"_qs);
}

} // namespace ddd::core::deploy
