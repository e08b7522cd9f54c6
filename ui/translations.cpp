#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace earlyhelp::ui {

void installTranslations(QCoreApplication& application)
{
    // British English is the source language, but its plural forms ("%n
    // pupil(s)") come from earlyhelp_en_GB.qm, so that file is always
    // installed. A locale's own translation, installed later, takes precedence.
    auto* sourceLanguage = new QTranslator(&application);
    if (sourceLanguage->load(QStringLiteral(":/i18n/earlyhelp_en_GB.qm")))
        QCoreApplication::installTranslator(sourceLanguage);

    const QLocale locale;
    if (locale.name() != u"en_GB") {
        auto* translator = new QTranslator(&application);
        if (translator->load(locale, QStringLiteral("earlyhelp"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(translator);
    }

    auto* qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

} // namespace earlyhelp::ui
