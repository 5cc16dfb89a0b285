// The window's words and numbers in the learner's language: fieldguide_<locale>.qm (made by
// lrelease from translations/fieldguide_<locale>.ts at build time) and Qt's own qtbase_<locale>.qm
// (the standard dialogs' buttons, from qt6-translations-l10n), each loaded when there is one for
// the language, else the English source; numbers and dates written as the language writes them.
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace fg {

// The language of the window: FIELDGUIDE_LANG (the app's --lang) when set, else the system's.
QLocale uiLocale();

// Where fieldguide_<locale>.qm is looked for, in order: FIELDGUIDE_TRANSLATIONS_DIR when set, the
// build tree's translations/ (beside app/, where the program is built), the installed
// share/fieldguide/translations.
QStringList translationFolders();

// Installs on `app` the translations of `locale` found in `folders` (the most specific first:
// de_DE then de) and Qt's qtbase_<locale>.qm from QLibraryInfo::TranslationsPath. Returns the
// .qm files of fieldguide's it loaded (none: the window stays English).
QStringList installTranslations(QCoreApplication& app, const QLocale& locale,
                                const QStringList& folders = translationFolders());

// The window in `locale`: it becomes the default locale (numbers and dates the UI writes, "%L1"
// and QLocale(), follow it: 1.234,5 in German, not the system's 1,234.5) and its translations
// are installed (installTranslations). Returns what installTranslations returns.
QStringList useLanguage(QCoreApplication& app, const QLocale& locale,
                        const QStringList& folders = translationFolders());

} // namespace fg
