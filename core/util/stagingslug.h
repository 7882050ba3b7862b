// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core {

class Random;

// The name a project's staging site is reached under: 12 characters matching
// ^[a-z][a-z0-9]{11}$. It starts with a letter so it is a valid DNS label and
// never looks like a number; 26 * 36^11 values make guessing impractical.
class StagingSlug final
{
public:
    static constexpr qsizetype Length = 12;

    // Draws a uniformly distributed slug (rejection sampling, no modulo bias).
    static QString generate(Random &random);
    static bool isValid(const QString &slug);
};

} // namespace ddd::core
