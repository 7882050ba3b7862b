// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ddd::core::archive {

// What an archive entry or directory-tree node claims to be. Only File and
// Directory are ever accepted (security guide 2.2.3).
enum class EntryKind { File, Directory, Symlink, Hardlink, Special };

} // namespace ddd::core::archive
