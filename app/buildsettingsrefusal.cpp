// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/buildsettingsrefusal.h"

#include "app/errormessages.h"

#include <QJsonArray>
#include <QStringList>

namespace ddd::app {

namespace {

// The reason codes of core/model/projectsettings.cpp, for the build fields.
QString reasonText(const QString &reason)
{
    if (reason == u"unknown_generator")
        return BuildSettingsRefusal::tr("The agent does not know this generator.");
    if (reason == u"empty")
        return BuildSettingsRefusal::tr("This must not be empty.");
    if (reason == u"script_not_allowed")
        return BuildSettingsRefusal::tr("This npm script may not run on this agent (see its builds.npm_scripts).");
    if (reason == u"unsafe_path")
        return BuildSettingsRefusal::tr("Use a folder inside the project, without \"..\", a leading \"/\" or backslashes.");
    if (reason == u"not_normalised")
        return BuildSettingsRefusal::tr("Write the folder without \"./\" and without doubled or trailing slashes.");
    if (reason == u"control_character")
        return BuildSettingsRefusal::tr("This contains a control character.");
    if (reason == u"too_many")
        return BuildSettingsRefusal::tr("There are more build flags than the agent allows.");
    if (reason == u"too_long")
        return BuildSettingsRefusal::tr("This is longer than the agent allows.");
    if (reason == u"must_start_with_hyphen")
        return BuildSettingsRefusal::tr("Every build flag starts with \"-\".");
    if (reason == u"duplicate")
        return BuildSettingsRefusal::tr("A build flag is listed twice.");
    return {};
}

// project.invalid_settings names the field as the agent's JSON path.
std::optional<BuildSettingsRefusal> fromInvalidSetting(const core::Error &error)
{
    static const QStringList fields{u"generator"_qs, u"npmScript"_qs, u"outputDir"_qs, u"publishAutomatically"_qs,
                                    u"git.url"_qs, u"git.branch"_qs};
    QString field = error.details.value(u"field"_qs).toString();
    if (field.startsWith(u"build."_qs)) {
        field = field.mid(6);
        if (!fields.contains(field) && !field.startsWith(u"git"_qs))
            return std::nullopt;
        if (!fields.contains(field))
            field = u"git.url"_qs; // the git object as a whole
    } else if (field != u"optOutMinify" && field != u"buildFlags") {
        return std::nullopt; // not a build setting
    }
    QString text = reasonText(error.details.value(u"reason"_qs).toString());
    if (text.isEmpty())
        text = ErrorMessages::describe(error).what;
    return BuildSettingsRefusal{field, text};
}

} // namespace

std::optional<BuildSettingsRefusal> BuildSettingsRefusal::from(const core::Error &error)
{
    const QString &code = error.code;
    if (code == u"project.invalid_settings")
        return fromInvalidSetting(error);
    if (code == u"project.invalid_build_flags" || code == u"build.flag_not_allowed")
        return BuildSettingsRefusal{u"buildFlags"_qs, ErrorMessages::describe(error).text()};
    if (code == u"build.script_not_allowed")
        return BuildSettingsRefusal{u"npmScript"_qs, reasonText(u"script_not_allowed"_qs)};
    // The agent's reason for a Git refusal is English but exact; the message carries it.
    if (code == u"build.invalid_git_url" || code == u"build.git_disabled")
        return BuildSettingsRefusal{u"git.url"_qs, ErrorMessages::describe(error).text()};
    if (code == u"build.invalid_git_branch")
        return BuildSettingsRefusal{u"git.branch"_qs, ErrorMessages::describe(error).text()};
    return std::nullopt;
}

} // namespace ddd::app
