// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/generator.h"

#include <QString>

namespace ddd::core::build {

// What a source tree is and how it will be built, shown to the owner before
// anything runs (dashboard on drop, source and build JSON in the API).
struct Detection final
{
    Generator generator = Generator::Plain;
    // Folder of the source that holds the site ("" = the root; a plain site
    // may sit in one top folder).
    QString siteRoot;
    // The command as a human reads it, build flag values redacted
    // ("hugo --minify -d /out"); "" for plain.
    QString command;
    // Where the generator writes the site, relative to siteRoot ("public",
    // "_site", "site", "dist"); for plain, "" (siteRoot itself is the site).
    QString outputDir;
    // "hugo 0.111.3"; filled by the agent (the dashboard has no toolchain).
    QString toolchain;

    bool operator==(const Detection &) const = default;
};

} // namespace ddd::core::build
