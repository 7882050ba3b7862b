// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <memory>

class QCoreApplication;
class QTranslator;

namespace ddd::app {

// Loads the dashboard's translation (embedded as :/i18n/ddd_<lang>.qm) and
// Qt's own for standard buttons, for a chosen language or the system's.
class LanguageLoader final
{
public:
    explicit LanguageLoader(QCoreApplication &application);
    ~LanguageLoader();

    // `language` like "de"; empty follows the system. Answers whether a
    // catalogue was loaded (English when there is none for the language).
    bool install(const QString &language);

private:
    QCoreApplication &m_application;
    QList<std::shared_ptr<QTranslator>> m_installed;
};

} // namespace ddd::app
