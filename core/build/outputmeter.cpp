// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/outputmeter.h"

#include <QFile>

#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::core::build {

qint64 OutputMeter::bytesUnder(const QString &folder, qint64 stopAbove)
{
    const int root = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0)
        return 0;
    qint64 total = 0;
    std::vector<int> pending{root}; // open directories still to list
    while (!pending.empty()) {
        const int fd = pending.back();
        pending.pop_back();
        DIR *dir = ::fdopendir(fd);
        if (!dir) {
            ::close(fd);
            continue;
        }
        while (const struct dirent *entry = ::readdir(dir)) {
            const char *name = entry->d_name;
            if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
                continue;
            struct stat info = {};
            if (::fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            if (S_ISREG(info.st_mode))
                total += info.st_size;
            else if (S_ISDIR(info.st_mode) && total <= stopAbove)
                if (const int child = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC); child >= 0)
                    pending.push_back(child);
        }
        ::closedir(dir);
        if (total > stopAbove)
            break;
    }
    for (const int fd : pending)
        ::close(fd);
    return total;
}

} // namespace ddd::core::build
