// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/requestheadparser.h"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

namespace ddd::agent::http {

namespace bhttp = boost::beast::http;

namespace {

QByteArray bytesOf(boost::beast::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

// Beast's static tables outlive every request: referenced, not copied.
QByteArray staticBytes(boost::beast::string_view view)
{
    return QByteArray::fromRawData(view.data(), qsizetype(view.size()));
}

} // namespace

void RequestHeadParser::on_request_impl(bhttp::verb method, string_view methodText, string_view target, int version,
                                        error_code &)
{
    m_method = method == bhttp::verb::unknown ? bytesOf(methodText) : staticBytes(bhttp::to_string(method));
    m_target = bytesOf(target);
    m_version = unsigned(version);
}

void RequestHeadParser::on_response_impl(int, string_view, int, error_code &ec)
{
    ec = bhttp::error::bad_version; // a request parser never sees a status line
}

void RequestHeadParser::on_field_impl(bhttp::field name, string_view nameText, string_view value, error_code &)
{
    // Names compare without case, so the table's spelling serves as well as the client's.
    m_headers.add(name == bhttp::field::unknown ? bytesOf(nameText) : staticBytes(bhttp::to_string(name)),
                  bytesOf(value));
}

void RequestHeadParser::on_header_impl(error_code &)
{
}

void RequestHeadParser::on_body_init_impl(const boost::optional<std::uint64_t> &, error_code &ec)
{
    ec = bhttp::error::unexpected_body;
}

std::size_t RequestHeadParser::on_body_impl(string_view, error_code &ec)
{
    ec = bhttp::error::unexpected_body;
    return 0;
}

void RequestHeadParser::on_chunk_header_impl(std::uint64_t, string_view, error_code &ec)
{
    ec = bhttp::error::unexpected_body;
}

std::size_t RequestHeadParser::on_chunk_body_impl(std::uint64_t, string_view, error_code &ec)
{
    ec = bhttp::error::unexpected_body;
    return 0;
}

void RequestHeadParser::on_finish_impl(error_code &)
{
}

} // namespace ddd::agent::http
