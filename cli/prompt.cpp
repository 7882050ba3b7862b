// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/prompt.h"

#include <QByteArray>

#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace ddd::cli {

bool Prompt::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

QString Prompt::line(const QString &question, bool secret)
{
    const bool terminal = stdinIsTerminal();
    termios saved{};
    if (terminal) {
        std::fputs(question.toUtf8().constData(), stderr);
        std::fflush(stderr);
        if (secret && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    std::string text;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        text.push_back(char(c));
    if (terminal && secret) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    if (!text.empty() && text.back() == '\r')
        text.pop_back();
    return QString::fromUtf8(QByteArray::fromStdString(text));
}

} // namespace ddd::cli
