// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/emailaddress.h"

#include <QStringList>

#include <algorithm>

namespace ddd::core::model {

namespace {

Error invalid(const QString &reason)
{
    return Error::make(u"user.invalid_email"_qs, u"invalid e-mail address"_qs, {{u"reason"_qs, reason}});
}

bool isAllowedLocalChar(QChar c)
{
    // Quoted local parts and comments are legal in RFC 5322 but only ever seen
    // in attacks and parser confusion; refusing them costs real users nothing.
    static const QString forbidden = u"\"(),:;<>@[\\]"_qs;
    return !c.isSpace() && c.category() != QChar::Other_Control && c.category() != QChar::Other_Format
        && !forbidden.contains(c);
}

bool isValidLocalPart(const QString &local)
{
    if (local.isEmpty() || local.size() > EmailAddress::kMaxLocalLength)
        return false;
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u".."_qs))
        return false;
    return std::all_of(local.cbegin(), local.cend(), isAllowedLocalChar);
}

bool isValidLabel(const QString &label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    return std::all_of(label.cbegin(), label.cend(),
                       [](QChar c) { return c == u'-' || (c.isLetterOrNumber() && !c.isSpace()); });
}

bool isValidDomain(const QString &domain)
{
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2 || !std::all_of(labels.cbegin(), labels.cend(), isValidLabel))
        return false;
    // A numeric top-level label means an IP address written as a host name.
    bool numeric = false;
    labels.last().toLongLong(&numeric);
    return !numeric;
}

} // namespace

Status EmailAddress::validate(const QString &email)
{
    if (email.isEmpty() || email.size() > kMaxLength)
        return invalid(u"length"_qs);
    const qsizetype at = email.indexOf(u'@');
    if (at < 0 || email.indexOf(u'@', at + 1) >= 0)
        return invalid(u"at_sign"_qs);
    if (!isValidLocalPart(email.left(at)))
        return invalid(u"local_part"_qs);
    if (!isValidDomain(email.mid(at + 1)))
        return invalid(u"domain"_qs);
    return {};
}

QString EmailAddress::key(const QString &email)
{
    return email.trimmed().normalized(QString::NormalizationForm_KC).toLower();
}

} // namespace ddd::core::model
