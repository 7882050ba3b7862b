// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/headers.h"

#include <boost/beast/http/basic_parser.hpp>

#include <QByteArray>

namespace ddd::agent::http {

// Beast's request parser for a head only, writing the method, target and
// fields straight into our types: Beast's own field container allocated an
// element per field that was copied into Headers and freed again, a
// twentieth of a small file's answer. Beast still does all the checking
// (tokens, framing, Content-Length). Fed exactly one head: a body that
// follows is read by a body parser started from the same head bytes.
class RequestHeadParser final : public boost::beast::http::basic_parser<true>
{
public:
    RequestHeadParser() = default;

    // Method and field names Beast knows refer to its static tables.
    const QByteArray &method() const { return m_method; }
    const QByteArray &target() const { return m_target; }
    unsigned version() const { return m_version; }
    // Moved out: the parser's fields are then empty.
    Headers takeHeaders() { return std::move(m_headers); }

private:
    using string_view = boost::beast::string_view;
    using error_code = boost::system::error_code;

    void on_request_impl(boost::beast::http::verb method, string_view methodText, string_view target, int version,
                         error_code &ec) override;
    void on_response_impl(int, string_view, int, error_code &ec) override;
    void on_field_impl(boost::beast::http::field name, string_view nameText, string_view value,
                       error_code &ec) override;
    void on_header_impl(error_code &ec) override;
    // Never reached: the parser is given the head and no byte after it.
    void on_body_init_impl(const boost::optional<std::uint64_t> &, error_code &ec) override;
    std::size_t on_body_impl(string_view, error_code &ec) override;
    void on_chunk_header_impl(std::uint64_t, string_view, error_code &ec) override;
    std::size_t on_chunk_body_impl(std::uint64_t, string_view, error_code &ec) override;
    void on_finish_impl(error_code &ec) override;

    QByteArray m_method;
    QByteArray m_target;
    unsigned m_version = 11;
    Headers m_headers;
};

} // namespace ddd::agent::http
