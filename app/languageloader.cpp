// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/languageloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ddd::app {

LanguageLoader::LanguageLoader(QCoreApplication &application) : m_application(application) {}

LanguageLoader::~LanguageLoader()
{
    for (const auto &translator : std::as_const(m_installed))
        QCoreApplication::removeTranslator(translator.get());
}

bool LanguageLoader::install(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto own = std::make_shared<QTranslator>();
    // English is the source language; its catalogue only adds plural forms,
    // and it stands in when there is none for the user's language.
    const bool found = own->load(locale, u"ddd"_qs, u"_"_qs, u":/i18n"_qs) || own->load(u":/i18n/ddd_en.qm"_qs);
    if (found && QCoreApplication::installTranslator(own.get()))
        m_installed.append(own);
    auto qt = std::make_shared<QTranslator>();
    if (qt->load(locale, u"qtbase"_qs, u"_"_qs, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt.get()))
        m_installed.append(qt);
    return found;
}

} // namespace ddd::app
