// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/redirecttarget.h"

#include <QUrl>

namespace ddd::core::rules {

namespace {

Error reason(const QString &text)
{
    return Error::make(u"rules.target"_qs, text);
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986 unreserved and reserved characters, and '%' for escapes the
// author wrote: these stay as written.
bool isUrlCharacter(char c)
{
    static const QByteArray allowed = "-._~:/?#[]@!$&'()*+,;=%";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || allowed.contains(c);
}

bool startsWithScheme(const QString &text)
{
    return text.startsWith(u"http://"_qs, Qt::CaseInsensitive) || text.startsWith(u"https://"_qs, Qt::CaseInsensitive);
}

} // namespace

Result<RedirectTarget> RedirectTarget::parse(const QString &text, const QStringList &names)
{
    RedirectTarget target;
    target.m_external = startsWithScheme(text);
    if (Status form = checkForm(text, target.m_external); !form)
        return form.error();
    const qsizetype hostEnd = target.m_external ? authorityEnd(text) : 0;
    qsizetype literalStart = 0;
    const auto flushLiteral = [&](qsizetype end) -> Status {
        Result<QByteArray> literal = encodeLiteral(text.mid(literalStart, end - literalStart));
        if (!literal)
            return literal.error();
        if (!literal->isEmpty())
            target.m_parts.append(Part{*literal, {}});
        return {};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u':')
            continue;
        qsizetype end = i + 1;
        while (end < text.size() && PathPattern::isPlaceholderName(QStringView(text).mid(i + 1, end - i)))
            ++end;
        const QString name = text.mid(i + 1, end - i - 1);
        if (!names.contains(name))
            continue;
        if (i < hostEnd)
            return reason(u"a placeholder may not choose the host of \""_qs + text + u"\""_qs);
        if (Status flushed = flushLiteral(i); !flushed)
            return flushed.error();
        target.m_parts.append(Part{{}, name});
        literalStart = end;
        i = end - 1;
    }
    if (Status flushed = flushLiteral(text.size()); !flushed)
        return flushed.error();
    target.m_hasQuery = text.contains(u'?');
    return target;
}

// An absolute http(s) URL with a host, or a local path that a browser
// cannot read as another host ("//host", "/\\host").
Status RedirectTarget::checkForm(const QString &text, bool external)
{
    if (external) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return reason(u"\""_qs + text + u"\" is not a valid http(s) URL"_qs);
        return {};
    }
    if (!text.startsWith(u'/') || text.startsWith(u"//"_qs) || text.startsWith(u"/\\"_qs))
        return reason(u"the target \""_qs + text + u"\" must be a path starting with a single / or an http(s) URL"_qs);
    return {};
}

// The end of "scheme://authority": placeholders before it would let a
// request choose where the redirect sends the browser.
qsizetype RedirectTarget::authorityEnd(const QString &text)
{
    const qsizetype start = text.indexOf(u"://"_qs) + 3;
    qsizetype end = start;
    while (end < text.size() && text.at(end) != u'/' && text.at(end) != u'?' && text.at(end) != u'#')
        ++end;
    return end;
}

Result<QByteArray> RedirectTarget::encodeLiteral(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray encoded;
    encoded.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c == '%' && (i + 2 >= utf8.size() || !isHex(utf8.at(i + 1)) || !isHex(utf8.at(i + 2))))
            return reason(u"\""_qs + text + u"\" has a broken %-escape"_qs);
        if (isUrlCharacter(c))
            encoded.append(c);
        else
            encoded.append('%').append(QByteArray::number(uchar(c), 16).toUpper().rightJustified(2, '0'));
    }
    return encoded;
}

QByteArray RedirectTarget::expand(const PathPattern::Captures &captures) const
{
    QByteArray out;
    for (const Part &part : m_parts) {
        if (part.name.isEmpty()) {
            out += part.literal;
            continue;
        }
        for (const auto &[name, value] : captures)
            if (name == part.name)
                out += QUrl::toPercentEncoding(value, name == u"splat" ? QByteArray("/") : QByteArray());
    }
    // "/:splat/x" with an empty splat would give "//x": a scheme-relative URL
    // to host "x". A local target keeps exactly one leading slash.
    if (!m_external)
        while (out.startsWith("//"))
            out.remove(0, 1);
    return out;
}

} // namespace ddd::core::rules
