// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// ddd: the command-line client for people and CI (docs/cli.md, ddd(1)).
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(u"DragDropDeploy"_qs);
    QCoreApplication::setApplicationName(u"ddd"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(DDD_VERSION));

    ddd::cli::CliContext context(QProcessEnvironment::systemEnvironment(), ddd::cli::Output(stdout, stderr));
    ddd::cli::Cli cli(context);
    QTimer::singleShot(0, &context, [&cli] { cli.run(QCoreApplication::arguments()); });
    return application.exec();
}
