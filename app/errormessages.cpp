// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/errormessages.h"

#include <QJsonArray>

namespace ddd::app {

namespace {

struct Entry
{
    const char *code;
    const char *what; // %1, %2… are filled from `details` in the order of `args`
    const char *next;
    QList<const char *> args;
};

#define DDD_MSG(text) QT_TRANSLATE_NOOP("ErrorMessages", text)

const QList<Entry> &table()
{
    static const QList<Entry> entries = {
        {"client.network", DDD_MSG("The agent at %1 could not be reached: %2."),
         DDD_MSG("Check that the agent is running and the address is right, then try again."), {"url", "reason"}},
        {"client.tls", DDD_MSG("The agent's TLS certificate is not trusted. Its SHA-256 fingerprint is %1."),
         DDD_MSG("Compare this fingerprint with the agent's certificate. Trust it only if they match."), {"fingerprint"}},
        {"client.cancelled", DDD_MSG("The operation was cancelled."), "", {}},
        {"client.http_status", DDD_MSG("The server answered with HTTP status %1 but no DragDropDeploy error."),
         DDD_MSG("Check the address: it may point at another web server or a proxy."), {"status"}},
        {"client.bad_response", DDD_MSG("The agent sent an answer this dashboard does not understand."),
         DDD_MSG("Use a dashboard and an agent of the same release."), {}},
        {"wire.unexpected_json", DDD_MSG("The agent sent an answer this dashboard does not understand (field %1)."),
         DDD_MSG("Use a dashboard and an agent of the same release."), {"field"}},
        {"client.file_unreadable", DDD_MSG("A file could not be read: %1."),
         DDD_MSG("Check that the file still exists and that you may read it."), {"path"}},
        {"credentials.unavailable", DDD_MSG("The token could not be stored: %1."),
         DDD_MSG("Check that your home folder is writable, then connect again."), {"reason"}},
        {"credentials.failed", DDD_MSG("The system keychain refused access: %1."),
         DDD_MSG("Unlock the keychain or allow DragDropDeploy to use it, then connect again."), {"reason"}},
        {"auth.invalid_credentials", DDD_MSG("The email address or the password is wrong."),
         DDD_MSG("Check both and try again."), {}},
        {"auth.unauthenticated", DDD_MSG("You are not signed in to this agent."), DDD_MSG("Log in again."), {}},
        {"auth.invalid_token", DDD_MSG("Your session on this agent has ended or the token was revoked."),
         DDD_MSG("Log in again or paste a new API token."), {}},
        {"auth.forbidden", DDD_MSG("Your account or token may not do this."),
         DDD_MSG("Ask an operator, or use a token with the needed capability."), {}},
        {"auth.rate_limited", DDD_MSG("Too many failed logins from here."),
         DDD_MSG("Wait %1 seconds, then try again."), {"retryAfterSeconds"}},
        {"auth.busy", DDD_MSG("The agent is busy checking other passwords."), DDD_MSG("Try again in a moment."), {}},
        {"auth.registration_closed", DDD_MSG("This agent does not accept new accounts."),
         DDD_MSG("Ask the operator to create an account for you."), {}},
        {"project.not_found", DDD_MSG("This project no longer exists, or you may not see it."),
         DDD_MSG("Refresh the project list."), {}},
        {"project.invalid_name", DDD_MSG("The project name is not valid."),
         DDD_MSG("Use 1 to 100 characters without control characters."), {}},
        {"project.invalid_domain", DDD_MSG("The domain is not a valid host name."),
         DDD_MSG("Use a name like www.example.com: letters, digits and hyphens, at least two labels."), {}},
        {"project.domain_taken", DDD_MSG("Another project on this agent already uses this domain."),
         DDD_MSG("Choose another domain, or remove it from the other project first."), {}},
        {"project.invalid_settings", DDD_MSG("The setting %1 was refused: %2."),
         DDD_MSG("Correct the setting and save again."), {"field", "reason"}},
        {"project.invalid_build_flags", DDD_MSG("These build flags are not allowed on this agent: %1."),
         DDD_MSG("Remove them, or ask the operator to add them to builds.flags_allowlist."), {"rejected"}},
        {"deploy.not_found", DDD_MSG("This version no longer exists."), DDD_MSG("Refresh the version list."), {}},
        {"deploy.not_activatable", DDD_MSG("This version cannot go live: only ready and retired versions can."),
         DDD_MSG("Choose a ready version, or deploy the site again."), {}},
        {"deploy.is_live", DDD_MSG("The live version cannot be deleted."),
         DDD_MSG("Make another version live first."), {}},
        {"upload.not_found", DDD_MSG("The upload session has expired or the agent has restarted."),
         DDD_MSG("Deploy again: files the agent already holds are not sent twice."), {}},
        {"upload.offset_mismatch", DDD_MSG("The agent and the dashboard disagree about how much of a file arrived."),
         DDD_MSG("Retry: the dashboard asks the agent where to resume."), {}},
        {"upload.incomplete", DDD_MSG("Some files have not reached the agent yet."),
         DDD_MSG("Resume the upload."), {}},
        {"blob.hash_mismatch", DDD_MSG("A file changed while it was being uploaded."),
         DDD_MSG("Wait until the files stop changing, then drop the folder again."), {}},
        {"archive.path_traversal", DDD_MSG("The entry %1 would land outside the site."),
         DDD_MSG("Rebuild the archive without paths that use \"..\" or start with \"/\"."), {"entry"}},
        {"archive.bad_name", DDD_MSG("The name %1 is not allowed on a web site."),
         DDD_MSG("Rename the file: no control characters, backslashes or reserved names."), {"entry"}},
        {"archive.link_entry", DDD_MSG("%1 is a link; sites may only contain plain files."),
         DDD_MSG("Replace the link with a copy of the file it points to."), {"entry"}},
        {"archive.special_file", DDD_MSG("%1 is a device, pipe or socket, not a plain file."),
         DDD_MSG("Remove it from the site folder."), {"entry"}},
        {"archive.duplicate_entry", DDD_MSG("The archive contains %1 twice."),
         DDD_MSG("Rebuild the archive so that every path appears once."), {"entry"}},
        {"archive.case_collision", DDD_MSG("%1 differs from another path only in letter case."),
         DDD_MSG("Rename one of them: many systems cannot tell them apart."), {"entry"}},
        {"archive.corrupt", DDD_MSG("The archive is damaged or incomplete."),
         DDD_MSG("Create the archive again and retry."), {}},
        {"archive.nested_compression", DDD_MSG("The archive is compressed more than once."),
         DDD_MSG("Use a plain .zip, .tar or .tar.gz file."), {}},
        {"archive.empty", DDD_MSG("There are no files to deploy."),
         DDD_MSG("Drop the folder that contains your site's index.html."), {}},
        {"archive.too_large", DDD_MSG("The site is larger than this agent accepts."),
         DDD_MSG("Remove large files, or ask the operator to raise the upload limits."), {}},
        {"http.body_too_large", DDD_MSG("The upload is larger than this agent accepts."),
         DDD_MSG("Remove large files, or ask the operator to raise uploads.max_bytes."), {}},
        {"archive.unsupported_format", DDD_MSG("The agent cannot read this kind of archive."),
         DDD_MSG("Use a .zip, .tar or .tar.gz file, or drop the folder itself."), {}},
        {"internal", DDD_MSG("The agent failed while doing this."),
         DDD_MSG("Try again. If it keeps failing, the agent's log names the cause."), {}},
        {"storage.error", DDD_MSG("The agent could not read or write its database."),
         DDD_MSG("Tell the operator: the agent's disk may be full or damaged."), {}},
    };
    return entries;
}

#undef DDD_MSG

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
QString fill(const char *text, const QList<const char *> &args, const core::Error &error)
{
    if (!*text)
        return {};
    QString out = ErrorMessages::tr(text);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString value = detailText(error.details.value(QLatin1String(args[i])));
        out.replace(u'%' + QString::number(i + 1), value.isEmpty() ? u"?"_qs : value);
    }
    return out;
}

} // namespace

UserMessage ErrorMessages::describe(const core::Error &error)
{
    for (const Entry &entry : table())
        if (error.code == QLatin1String(entry.code))
            return {fill(entry.what, entry.args, error), fill(entry.next, entry.args, error)};
    return {tr("The agent refused: %1 (%2).").arg(error.message, error.code),
            tr("Try again. If it keeps failing, the agent's log names the cause.")};
}

QStringList ErrorMessages::knownCodes()
{
    QStringList codes;
    for (const Entry &entry : table())
        codes.append(QLatin1String(entry.code));
    return codes;
}

} // namespace ddd::app
