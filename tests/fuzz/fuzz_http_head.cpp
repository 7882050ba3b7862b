// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The parts of the HTTP/1.1 head path that need no socket: HeadScanner (head
// end, limits, obs-fold), RequestTarget and RequestHeadBuilder (Host, framing,
// expectations). Beast's parser between them is not fuzzed here (see
// docs/testing.md, "Not covered yet"). Properties: the scanner gives
// the same verdict whether the bytes arrive at once or one by one (its
// incremental state never drifts); an accepted target's path is absolute
// valid text, or "*"; an accepted head has a normal Host.
#include "agent/http/headscanner.h"
#include "agent/http/hostfield.h"
#include "agent/http/requestheadbuilder.h"
#include "agent/http/requesttarget.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace ddd::agent::http;
using ddd::fuzz::violated;

namespace {

constexpr qsizetype kMaxTarget = 256;
constexpr qsizetype kMaxHeader = 2048;

// Scans `bytes` whole and in `step`-byte increments; the verdicts must agree.
HeadScanner::Verdict scanBoth(std::string_view bytes, std::size_t step, qsizetype &headSize)
{
    HeadScanner whole(kMaxTarget, kMaxHeader);
    const HeadScanner::Verdict once = whole.scan(bytes);
    HeadScanner trickle(kMaxTarget, kMaxHeader);
    HeadScanner::Verdict verdict = HeadScanner::Verdict::NeedMore;
    for (std::size_t end = std::min(step, bytes.size()); verdict == HeadScanner::Verdict::NeedMore;
         end = std::min(end + step, bytes.size())) {
        verdict = trickle.scan(bytes.substr(0, end));
        if (end == bytes.size())
            break;
    }
    // A refusal may come earlier while trickling (the scanner stops at the
    // first problem), but a complete head must be found at the same place.
    if ((once == HeadScanner::Verdict::Complete) != (verdict == HeadScanner::Verdict::Complete)
        || (once == HeadScanner::Verdict::Complete && whole.headSize() != trickle.headSize()))
        violated("HeadScanner gives one verdict however the bytes arrive", QString::number(int(once)) + u" vs "_qs
                     + QString::number(int(verdict)));
    headSize = whole.headSize();
    return once;
}

void checkTarget(QByteArrayView raw)
{
    const auto target = RequestTarget::parse(raw);
    if (!target.ok())
        return;
    const QString path = target.value().path();
    if (path != u"*" && (!path.startsWith(u'/') || path.contains(QChar(0))))
        violated("an accepted target has an absolute path without NUL", QString::fromLatin1(raw.toByteArray().toHex()));
    const QString host = target.value().authorityHost();
    if (!host.isEmpty() && HostField::normalise(host.toLatin1()) != host)
        violated("an absolute-form host is normal", host);
}

// A naive split of the head into request line and fields, enough to reach
// RequestHeadBuilder with the shapes Beast would hand it.
void buildHead(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.takeFirst().trimmed().split(' ');
    if (requestLine.size() != 3)
        return;
    Headers headers;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.add(line.left(colon), line.mid(colon + 1).trimmed());
    }
    static const ServerLimits limits;
    static const TrustedProxies proxies;
    static const RequestHeadBuilder builder(limits, proxies);
    RequestHeadBuilder::ConnectionState connection = builder.connectionFrom(QHostAddress::LocalHost, false);
    const unsigned version = requestLine.at(2) == "HTTP/1.0" ? 10 : 11;
    const auto request = builder.build(requestLine.at(0), requestLine.at(1), version, std::move(headers), connection);
    if (request.ok() && (request.value().host != request.value().host.toLower() || request.value().host.endsWith(u'.')))
        violated("an accepted head has a normal host", request.value().host);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray raw = ddd::fuzz::bytes(data, size);
    const std::string_view bytes(raw.constData(), std::size_t(raw.size()));
    const qsizetype skip = HeadScanner::leadingEmptyLines(bytes);
    qsizetype headSize = -1;
    const std::size_t step = size > 0 ? 1 + data[0] % 7 : 1;
    if (scanBoth(bytes.substr(std::size_t(skip)), step, headSize) == HeadScanner::Verdict::Complete)
        buildHead(raw.mid(skip, headSize));
    // The target alone too: the second word of the first line, or the input.
    const QList<QByteArray> words = raw.left(raw.indexOf('\n')).split(' ');
    checkTarget(words.size() > 1 ? words.at(1) : raw);
    return 0;
}
