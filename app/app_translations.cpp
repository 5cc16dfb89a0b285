#include "app/app_translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace fg {

namespace {

// Qt's own words (the standard dialogs' buttons) in `locale`, when Qt has a translation for it.
void installQtTranslation(QCoreApplication& app, const QLocale& locale) {
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
}

// The path of fieldguide's .qm for `language` in the first of `folders` that has one, else empty.
// Only the names given are tried (QTranslator's own search would fall back to fieldguide.qm).
QString ownTranslationFile(const AppLanguage& language, const QStringList& folders) {
    for (const QString& folder : folders) {
        for (const QString& name : language.folders) {
            const QString path =
                QDir(folder).filePath(QStringLiteral("fieldguide_%1.qm").arg(name));
            if (QFileInfo::exists(path)) {
                return path;
            }
        }
    }
    return {};
}

} // namespace

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

QTranslator* installTranslations(QCoreApplication& app, const AppLanguage& language,
                                 const QStringList& folders) {
    installQtTranslation(app, language.locale);
    const QString file = ownTranslationFile(language, folders);
    if (file.isEmpty()) {
        return nullptr;
    }
    auto* own = new QTranslator(&app);
    if (!own->load(file)) {
        delete own;
        return nullptr;
    }
    QCoreApplication::installTranslator(own);
    return own;
}

QTranslator* useLanguage(QCoreApplication& app, const AppLanguage& language,
                         const QStringList& folders) {
    QLocale::setDefault(language.locale);
    return installTranslations(app, language, folders);
}

} // namespace fg
