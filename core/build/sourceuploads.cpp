// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/sourceuploads.h"

#include "core/build/buildservice.h"
#include "core/build/sourceservice.h"
#include "core/upload/chainedupload.h"

namespace ddd::core::build {

namespace {

// Options a caller may not use are refused before the upload starts, so
// no source is stored for a build that could never be asked for.
Status mayAsk(const model::Identity &caller, const SourceUploads::Options &options)
{
    for (const QString &capability : {u"build"_qs, u"activate"_qs}) {
        const bool needed = capability == u"build" || options.activate.value_or(false);
        if (needed && !caller.can(capability))
            return Error::make(u"auth.forbidden"_qs, u"This token lacks the \""_qs + capability + u"\" capability"_qs,
                               QJsonObject{{u"capability"_qs, capability}});
    }
    return {};
}

} // namespace

SourceUploads::SourceUploads(SourceService &sources, BuildService &builds) : m_sources(sources), m_builds(builds) {}

Result<std::unique_ptr<upload::Upload<SourceUploads::Arrival>>>
SourceUploads::openArchive(const model::Identity &caller, qint64 projectId, Options options,
                           std::optional<qint64> declaredBytes)
{
    if (Status allowed = mayAsk(caller, options); !allowed)
        return allowed.error();
    Result<std::unique_ptr<upload::Upload<model::Source>>> source =
        m_sources.openArchive(caller, projectId, declaredBytes);
    if (!source)
        return source.error();
    using Chained = upload::ChainedUpload<model::Source, Arrival>;
    return std::unique_ptr<upload::Upload<Arrival>>(std::make_unique<Chained>(
        std::move(*source),
        [this, caller, options](const Result<model::Source> &stored) { return arrived(caller, stored, options); }));
}

Result<SourceUploads::Arrival> SourceUploads::finalize(const model::Identity &caller, const QString &uploadId,
                                                       Options options)
{
    if (Status allowed = mayAsk(caller, options); !allowed)
        return allowed.error();
    return arrived(caller, m_sources.fromUpload(caller, uploadId), options);
}

Result<SourceUploads::Arrival> SourceUploads::arrived(const model::Identity &caller,
                                                      const Result<model::Source> &source, const Options &options)
{
    if (!source)
        return source.error();
    if (!options.build)
        return Arrival{*source, std::nullopt};
    Result<BuildService::Started> started =
        m_builds.start(caller, source->projectId, source->id, options.activate, model::BuildTrigger::Upload);
    if (!started) {
        // The source is stored all the same: say which, so it can be built later.
        Error refused = started.error();
        refused.details.insert(u"sourceId"_qs, source->id);
        return refused;
    }
    return Arrival{*source, started->build};
}

} // namespace ddd::core::build
