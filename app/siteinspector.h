// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/siteinspection.h"
#include "core/build/builddetector.h"
#include "core/client/remoteproject.h"
#include "core/model/versionfile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

namespace ddd::app {

// The pre-flight check, run on a worker thread before anything is sent:
// core::archive::Preflight (the agent's own readers and rules: names,
// traversal, links, case collisions, sizes, counts; plus its advice about a
// missing index.html and large files), then the same readers once more to
// hash every file into the manifest the agent will check, and the diff
// against the live version's files. Every refused name or type is listed
// at once; damage and size limits end the check, as in the agent.
class SiteInspector final
{
    Q_DECLARE_TR_FUNCTIONS(SiteInspector)

public:
    static SiteInspection inspect(const QString &path, const QList<core::model::VersionFile> &liveFiles,
                                  const std::atomic_bool &cancelled);
    // What a folder (not an archive) that passed is to be built with, per
    // the project's build settings, so the dialog shows what the agent will
    // run. A built site is left alone, unless its index.html sits in the
    // only top folder: then a plain build publishes that folder as the site.
    static void detectSource(SiteInspection &inspection, const QString &path,
                             const core::build::BuildDetector::Choice &choice);
    // The project's generator, npm script and output folder as a detector choice.
    static core::build::BuildDetector::Choice buildChoice(const core::client::RemoteProject &project);
};

} // namespace ddd::app
