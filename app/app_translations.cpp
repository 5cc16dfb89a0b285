#include "app/app_translations.h"

#include "models/course/content_locale.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace fg {

QLocale uiLocale() {
    const QStringList forced = localeFolders(qEnvironmentVariable("FIELDGUIDE_LANG"));
    return forced.isEmpty() ? QLocale::system() : QLocale(forced.constFirst());
}

QStringList translationFolders() {
    QStringList folders;
    if (const QString dir = qEnvironmentVariable("FIELDGUIDE_TRANSLATIONS_DIR"); !dir.isEmpty()) {
        folders << dir;
    }
    const QDir program(QCoreApplication::applicationDirPath());
    folders << program.filePath(QStringLiteral("../translations"))
            << program.filePath(QStringLiteral("../share/fieldguide/translations"));
    return folders;
}

QStringList installTranslations(QCoreApplication& app, const QLocale& locale,
                                const QStringList& folders) {
    QStringList loaded;
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    for (const QString& folder : folders) {
        auto* own = new QTranslator(&app);
        // QTranslator tries the locale's UI languages, most specific first: de_DE, then de.
        if (own->load(locale, QStringLiteral("fieldguide"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(own);
            loaded << own->filePath();
            break;
        }
        delete own;
    }
    return loaded;
}

QStringList useLanguage(QCoreApplication& app, const QLocale& locale, const QStringList& folders) {
    QLocale::setDefault(locale);
    return installTranslations(app, locale, folders);
}

} // namespace fg
