// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/generator.h"

#include <array>
#include <utility>

namespace ddd::core::build {

namespace {

const std::array<std::pair<Generator, QStringView>, 5> &names()
{
    static const std::array<std::pair<Generator, QStringView>, 5> table{{
        {Generator::Plain, u"plain"},
        {Generator::Hugo, u"hugo"},
        {Generator::Jekyll, u"jekyll"},
        {Generator::MkDocs, u"mkdocs"},
        {Generator::Npm, u"npm"},
    }};
    return table;
}

} // namespace

QString generatorName(Generator generator)
{
    for (const auto &[value, name] : names()) {
        if (value == generator)
            return name.toString();
    }
    return {};
}

std::optional<Generator> generatorFromName(const QString &name)
{
    for (const auto &[value, text] : names()) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

} // namespace ddd::core::build
