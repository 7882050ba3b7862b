// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/errormessages.h"

#include <QJsonArray>
#include <QUrl>

#include <array>

namespace ddd::app {

namespace {

struct Entry
{
    const char *code;
    const char *what; // %1, %2 are filled from `details` in the order of `args`
    const char *next;
    std::array<const char *, 2> args;
};

// One row per stable code. QT_TRANSLATE_NOOP marks the texts for lupdate;
// they are translated when shown.
constexpr Entry Entries[] = {
    {"client.network", QT_TRANSLATE_NOOP("ErrorMessages", "The agent at %1 could not be reached: %2."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check that the agent is running and the address is right, then try again."), {"agent", "reason"}},
    {"client.tls", QT_TRANSLATE_NOOP("ErrorMessages", "The agent's TLS certificate is not trusted. Its SHA-256 fingerprint is %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Compare this fingerprint with the agent's certificate. Trust it only if they match."), {"fingerprint"}},
    {"client.cancelled", QT_TRANSLATE_NOOP("ErrorMessages", "The operation was cancelled."), "", {nullptr, nullptr}},
    {"client.http_status", QT_TRANSLATE_NOOP("ErrorMessages", "The server answered with HTTP status %1 but no DragDropDeploy error."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check the address: it may point at another web server or a proxy."), {"status"}},
    {"client.bad_response", QT_TRANSLATE_NOOP("ErrorMessages", "The agent sent an answer this dashboard does not understand."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use a dashboard and an agent of the same release."), {nullptr, nullptr}},
    {"wire.unexpected_json", QT_TRANSLATE_NOOP("ErrorMessages", "The agent sent an answer this dashboard does not understand (field %1)."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use a dashboard and an agent of the same release."), {"field"}},
    {"client.file_unreadable", QT_TRANSLATE_NOOP("ErrorMessages", "A file could not be read: %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check that the file still exists and that you may read it."), {"path"}},
    {"credentials.unavailable", QT_TRANSLATE_NOOP("ErrorMessages", "The token could not be stored: %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check that your home folder is writable, then connect again."), {"reason"}},
    {"credentials.failed", QT_TRANSLATE_NOOP("ErrorMessages", "The system keychain refused access: %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Unlock the keychain or allow DragDropDeploy to use it, then connect again."), {"reason"}},
    {"auth.invalid_credentials", QT_TRANSLATE_NOOP("ErrorMessages", "The email address or the password is wrong."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check both and try again."), {nullptr, nullptr}},
    {"auth.unauthenticated", QT_TRANSLATE_NOOP("ErrorMessages", "You are not signed in to this agent."), QT_TRANSLATE_NOOP("ErrorMessages", "Log in again."), {nullptr, nullptr}},
    {"auth.invalid_token", QT_TRANSLATE_NOOP("ErrorMessages", "Your session on this agent has ended or the token was revoked."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Log in again or paste a new API token."), {nullptr, nullptr}},
    {"auth.forbidden", QT_TRANSLATE_NOOP("ErrorMessages", "Your account or token may not do this."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Ask an operator, or use a token with the needed capability."), {nullptr, nullptr}},
    {"auth.rate_limited", QT_TRANSLATE_NOOP("ErrorMessages", "Too many failed logins from here."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Wait %1 seconds, then try again."), {"retryAfterSeconds"}},
    {"auth.busy", QT_TRANSLATE_NOOP("ErrorMessages", "The agent is busy checking other passwords."), QT_TRANSLATE_NOOP("ErrorMessages", "Try again in a moment."), {nullptr, nullptr}},
    {"auth.registration_closed", QT_TRANSLATE_NOOP("ErrorMessages", "This agent does not accept new accounts."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Ask the operator to create an account for you."), {nullptr, nullptr}},
    {"project.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "This project no longer exists, or you may not see it."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the project list."), {nullptr, nullptr}},
    {"project.invalid_name", QT_TRANSLATE_NOOP("ErrorMessages", "The project name is not valid."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use 1 to 100 characters without control characters."), {nullptr, nullptr}},
    {"project.invalid_domain", QT_TRANSLATE_NOOP("ErrorMessages", "The domain is not a valid host name."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use a name like www.example.com: letters, digits and hyphens, at least two labels."), {nullptr, nullptr}},
    {"project.domain_taken", QT_TRANSLATE_NOOP("ErrorMessages", "Another project on this agent already uses this domain."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Choose another domain, or remove it from the other project first."), {nullptr, nullptr}},
    {"project.invalid_settings", QT_TRANSLATE_NOOP("ErrorMessages", "The setting %1 was refused: %2."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Correct the setting and save again."), {"field", "reason"}},
    {"project.invalid_build_flags", QT_TRANSLATE_NOOP("ErrorMessages", "These build flags are not allowed on this agent: %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Remove them, or ask the operator to add them to builds.flags_allowlist."), {"rejected"}},
    {"project.https_unavailable", QT_TRANSLATE_NOOP("ErrorMessages", "The agent does not serve sites over HTTPS yet, so HTTPS settings cannot be turned on."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Ask the operator to give the agent a certificate for the domain, then try again."), {nullptr, nullptr}},
    {"project.invalid_hsts_preload", QT_TRANSLATE_NOOP("ErrorMessages", "HSTS preload needs \"every subdomain\" and at least a year."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Turn on every subdomain and remember it for 365 days or more, or leave preload off."), {nullptr, nullptr}},
    {"project.invalid_aliases", QT_TRANSLATE_NOOP("ErrorMessages", "The domain aliases were refused: %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Correct the list of aliases and save again."), {"reason"}},
    {"site.invalid_share_lifetime", QT_TRANSLATE_NOOP("ErrorMessages", "A share link must work for at least a minute and at most 30 days."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Choose another lifetime and create the link again."), {nullptr, nullptr}},
    {"request.invalid_cursor", QT_TRANSLATE_NOOP("ErrorMessages", "The agent could not continue the list where it left off."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the list."), {nullptr, nullptr}},
    {"deploy.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "This version no longer exists."), QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the version list."), {nullptr, nullptr}},
    {"deploy.not_activatable", QT_TRANSLATE_NOOP("ErrorMessages", "This version cannot go live: only ready and retired versions can."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Choose a ready version, or deploy the site again."), {nullptr, nullptr}},
    {"deploy.is_live", QT_TRANSLATE_NOOP("ErrorMessages", "The live version cannot be deleted."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Make another version live first."), {nullptr, nullptr}},
    {"upload.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "The upload session has expired or the agent has restarted."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Deploy again: files the agent already holds are not sent twice."), {nullptr, nullptr}},
    {"upload.offset_mismatch", QT_TRANSLATE_NOOP("ErrorMessages", "The agent and the dashboard disagree about how much of a file arrived."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Retry: the dashboard asks the agent where to resume."), {nullptr, nullptr}},
    {"upload.incomplete", QT_TRANSLATE_NOOP("ErrorMessages", "Some files have not reached the agent yet."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Resume the upload."), {nullptr, nullptr}},
    {"build.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "This build no longer exists."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the list of builds."), {nullptr, nullptr}},
    {"source.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "The source of this build is no longer kept by the agent."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Drop the source folder again and choose Build & Deploy."), {nullptr, nullptr}},
    {"hook.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "This build hook no longer exists."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the list of build hooks."), {nullptr, nullptr}},
    {"build.undetected", QT_TRANSLATE_NOOP("ErrorMessages", "The agent cannot tell how to build this source."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Choose the generator in the project's settings, or drop the built site instead."), {nullptr, nullptr}},
    {"build.invalid_settings", QT_TRANSLATE_NOOP("ErrorMessages", "The project's build settings are not valid."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check the generator, npm script and output folder in the project's settings."), {nullptr, nullptr}},
    {"build.flag_not_allowed", QT_TRANSLATE_NOOP("ErrorMessages", "A build flag of this project is not allowed on this agent."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Remove the flag from the project's settings, or ask the operator to allow it."), {nullptr, nullptr}},
    {"build.script_not_allowed", QT_TRANSLATE_NOOP("ErrorMessages", "This npm script may not run on this agent."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use an allowed script such as build, or ask the operator to allow it."), {nullptr, nullptr}},
    {"build.invalid_git_url", QT_TRANSLATE_NOOP("ErrorMessages", "The agent cannot clone from this Git address: %1."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use an https, http or git address without a user name or password, then save again."), {"reason"}},
    {"build.invalid_git_branch", QT_TRANSLATE_NOOP("ErrorMessages", "The Git branch name is not one the agent accepts."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use letters, digits, \".\", \"_\", \"-\" and \"/\", not starting with \"-\"."), {nullptr, nullptr}},
    {"build.git_disabled", QT_TRANSLATE_NOOP("ErrorMessages", "Builds from Git are turned off on this agent."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Ask the operator to turn them on (builds.git), or drop the source folder instead."), {nullptr, nullptr}},
    {"build.no_git", QT_TRANSLATE_NOOP("ErrorMessages", "This project has no Git repository to build from."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Enter the repository under Settings, Build, save, then choose Build from Git again."), {nullptr, nullptr}},
    {"build.not_cancellable", QT_TRANSLATE_NOOP("ErrorMessages", "This build has already finished."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the list of builds to see how it ended."), {nullptr, nullptr}},
    {"build.sandbox_unavailable", QT_TRANSLATE_NOOP("ErrorMessages", "The agent cannot set up its build sandbox, so it builds nothing."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Ask the operator to check the agent's log; meanwhile drop the built site instead."), {nullptr, nullptr}},
    {"build.queue_full", QT_TRANSLATE_NOOP("ErrorMessages", "The agent has too many builds waiting."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Try again when some have finished."), {nullptr, nullptr}},
    {"hook.throttled", QT_TRANSLATE_NOOP("ErrorMessages", "This build hook was called too often."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Wait %1 seconds, then try again."), {"retryAfterSeconds"}},
    {"webhook.invalid_url", QT_TRANSLATE_NOOP("ErrorMessages", "This is not a receiver address the agent can send to."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Enter a full http:// or https:// address without a user name, password or #fragment."), {nullptr, nullptr}},
    {"webhook.target_refused", QT_TRANSLATE_NOOP("ErrorMessages", "This address is on a private or local network, which webhooks may not reach."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use a public address, or ask the operator to allow private targets."), {nullptr, nullptr}},
    {"webhook.unresolvable_host", QT_TRANSLATE_NOOP("ErrorMessages", "The receiver's host name does not exist."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Check the spelling of the address."), {nullptr, nullptr}},
    {"webhook.unknown_event", QT_TRANSLATE_NOOP("ErrorMessages", "The agent does not know one of the chosen events."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Choose from the events the dialog lists."), {nullptr, nullptr}},
    {"webhook.no_events", QT_TRANSLATE_NOOP("ErrorMessages", "A webhook needs at least one event."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Tick the events the receiver should hear about."), {nullptr, nullptr}},
    {"webhook.limit_reached", QT_TRANSLATE_NOOP("ErrorMessages", "This project has as many webhooks as it may have."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Delete a webhook you no longer need, then add the new one."), {nullptr, nullptr}},
    {"webhook.inactive", QT_TRANSLATE_NOOP("ErrorMessages", "This webhook is disabled."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Enable it first."), {nullptr, nullptr}},
    {"webhook.not_found", QT_TRANSLATE_NOOP("ErrorMessages", "This webhook no longer exists."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the list of webhooks."), {nullptr, nullptr}},
    {"webhook.delivery_not_found", QT_TRANSLATE_NOOP("ErrorMessages", "This delivery is no longer in the log."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Refresh the delivery log."), {nullptr, nullptr}},
    {"blob.hash_mismatch", QT_TRANSLATE_NOOP("ErrorMessages", "A file changed while it was being uploaded."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Wait until the files stop changing, then drop the folder again."), {nullptr, nullptr}},
    {"blob.not_in_manifest", QT_TRANSLATE_NOOP("ErrorMessages", "The agent was sent a file that is not part of this upload."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Deploy again; if it keeps happening, use a dashboard and an agent of the same release."), {nullptr, nullptr}},
    {"archive.path_traversal", QT_TRANSLATE_NOOP("ErrorMessages", "The entry %1 would land outside the site."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Rebuild the archive without paths that use \"..\" or start with \"/\"."), {"entry"}},
    {"archive.bad_name", QT_TRANSLATE_NOOP("ErrorMessages", "The name %1 is not allowed on a web site."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Rename the file: no control characters, backslashes or reserved names."), {"entry"}},
    {"archive.link_entry", QT_TRANSLATE_NOOP("ErrorMessages", "%1 is a link; sites may only contain plain files."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Remove the link from the site folder. If it stands for a page or asset of your site, put that file itself there."), {"entry"}},
    {"archive.special_file", QT_TRANSLATE_NOOP("ErrorMessages", "%1 is a device, pipe or socket, not a plain file."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Remove it from the site folder."), {"entry"}},
    {"archive.duplicate_entry", QT_TRANSLATE_NOOP("ErrorMessages", "The archive contains %1 twice."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Rebuild the archive so that every path appears once."), {"entry"}},
    {"archive.case_collision", QT_TRANSLATE_NOOP("ErrorMessages", "%1 and %2 differ only in letter case."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Rename one of them: many systems cannot tell them apart."), {"entry", "collidesWith"}},
    {"archive.path_too_long", QT_TRANSLATE_NOOP("ErrorMessages", "The path %1 is too long or nested too deeply."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Shorten the folder and file names, or flatten the folders."), {"entry"}},
    {"archive.corrupt", QT_TRANSLATE_NOOP("ErrorMessages", "The archive is damaged or incomplete."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Create the archive again and retry."), {nullptr, nullptr}},
    {"archive.nested_compression", QT_TRANSLATE_NOOP("ErrorMessages", "The archive is compressed more than once."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use a plain .zip, .tar or .tar.gz file."), {nullptr, nullptr}},
    {"archive.empty", QT_TRANSLATE_NOOP("ErrorMessages", "There are no files to deploy."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Drop the folder that contains your site's index.html."), {nullptr, nullptr}},
    {"archive.too_large", QT_TRANSLATE_NOOP("ErrorMessages", "The site is larger than this agent accepts."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Remove large files, or ask the operator to raise the upload limits."), {nullptr, nullptr}},
    {"http.body_too_large", QT_TRANSLATE_NOOP("ErrorMessages", "The upload is larger than this agent accepts."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Remove large files, or ask the operator to raise uploads.max_bytes."), {nullptr, nullptr}},
    {"archive.unsupported_format", QT_TRANSLATE_NOOP("ErrorMessages", "The agent cannot read this kind of archive."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Use a .zip, .tar or .tar.gz file, or drop the folder itself."), {nullptr, nullptr}},
    {"preflight.no_index", QT_TRANSLATE_NOOP("ErrorMessages", "There is no index.html at the top of the site, so its address answers \"not found\"."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Drop the folder that contains index.html, not the one above it."), {nullptr, nullptr}},
    {"preflight.large_file", QT_TRANSLATE_NOOP("ErrorMessages", "%1 is large; every deploy and every visitor on a slow connection waits for it."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Compress or shrink it if you can; the deploy works either way."), {"entry"}},
    {"internal", QT_TRANSLATE_NOOP("ErrorMessages", "The agent failed while doing this."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Try again. If it keeps failing, the agent's log names the cause."), {nullptr, nullptr}},
    {"storage.error", QT_TRANSLATE_NOOP("ErrorMessages", "The agent could not read or write its database."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Tell the operator: the agent's disk may be full or damaged."), {nullptr, nullptr}},
    {"objects.unavailable", QT_TRANSLATE_NOOP("ErrorMessages", "The agent could not reach its shared storage bucket, so nothing was deployed."),
     QT_TRANSLATE_NOOP("ErrorMessages", "The site still serves the version it had. Try again in a few minutes; if it keeps failing, tell the operator."), {nullptr, nullptr}},
    {"objects.refused", QT_TRANSLATE_NOOP("ErrorMessages", "The shared storage bucket refused the agent (%1), so nothing was deployed."),
     QT_TRANSLATE_NOOP("ErrorMessages", "Tell the operator to check the agent's bucket, keys and permissions."), {"s3Code", nullptr}},
};

QString detailText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : value.toArray())
            parts.append(part.toVariant().toString());
        return parts.join(u", "_qs);
    }
    return value.toVariant().toString();
}

// %1, %2… may appear in either sentence, so substitute by hand (QString::arg
// warns about a sentence without them).
QString fill(const char *text, const std::array<const char *, 2> &args, const core::Error &error)
{
    if (!*text)
        return {};
    QString out = ErrorMessages::tr(text);
    for (size_t i = 0; i < args.size() && args[i]; ++i) {
        const QString value = detailText(error.details.value(QLatin1String(args[i])));
        out.replace(u'%' + QString::number(i + 1), value.isEmpty() ? u"?"_qs : value);
    }
    return out;
}

// The agent's reason codes for project.invalid_aliases (core/model/projectaliases.cpp)
// in words; `alias` is the refused name when the dashboard could tell which.
QString aliasReason(const QJsonObject &details)
{
    const QString reason = details.value(u"reason"_qs).toString();
    const QString alias = details.value(u"alias"_qs).toString();
    const QString name = alias.isEmpty() ? ErrorMessages::tr("an alias") : alias;
    if (reason == u"needs_domain")
        return ErrorMessages::tr("aliases need a domain to redirect to, so set the domain first");
    if (reason == u"too_many")
        return ErrorMessages::tr("there are more aliases than the agent allows");
    if (reason == u"duplicate")
        return ErrorMessages::tr("%1 is listed twice").arg(name);
    if (reason == u"same_as_domain")
        return ErrorMessages::tr("%1 is the domain itself").arg(name);
    if (reason == u"reserved")
        return ErrorMessages::tr("%1 lies under the agent's staging domain").arg(name);
    return ErrorMessages::tr("%1 is not a valid host name").arg(name);
}

// "http://host:8080" of "http://host:8080/api/v1/deploys/3/activate".
QString agentAddress(const QString &url)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return url;
    return parsed.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

// Everything the agent sent, for a bug report: the code and each detail.
QString detailsText(const core::Error &error)
{
    QStringList lines{ErrorMessages::tr("Code: %1").arg(error.code)};
    if (!error.message.isEmpty())
        lines << ErrorMessages::tr("Agent's words: %1").arg(error.message);
    for (auto it = error.details.begin(); it != error.details.end(); ++it)
        lines << u"%1: %2"_qs.arg(it.key(), detailText(it.value()));
    return lines.join(u'\n');
}

} // namespace

UserMessage ErrorMessages::describe(const core::Error &error)
{
    core::Error shown = error;
    if (error.code == u"project.invalid_aliases") // a reason code is not for reading
        shown.details.insert(u"reason"_qs, aliasReason(error.details));
    if (error.code == u"client.network") // the agent as the user added it, not the API call
        shown.details.insert(u"agent"_qs, agentAddress(error.details.value(u"url"_qs).toString()));
    UserMessage message{tr("The agent refused this: %1").arg(error.message),
                        tr("Try again. If it keeps failing, the agent's log names the cause."), detailsText(error)};
    for (const Entry &entry : Entries)
        if (shown.code == QLatin1String(entry.code))
            message = {fill(entry.what, entry.args, shown), fill(entry.next, entry.args, shown), detailsText(error)};
    if (error.code == u"client.network")
        message.condition = unreachable();
    return message;
}

UserMessage ErrorMessages::describe(const core::Error &error, const QString &attempt)
{
    UserMessage message = describe(error);
    message.what = attempt + u' ' + message.what;
    return message;
}

QStringList ErrorMessages::knownCodes()
{
    QStringList codes;
    for (const Entry &entry : Entries)
        codes.append(QLatin1String(entry.code));
    return codes;
}

} // namespace ddd::app
