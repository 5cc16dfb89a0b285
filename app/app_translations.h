// The window's words and numbers in the learner's language: fieldguide_<locale>.qm (made by
// lrelease from translations/fieldguide_<locale>.ts at build time) and Qt's own qtbase_<locale>.qm
// (the standard dialogs' buttons, from qt6-translations-l10n), each loaded when there is one for
// the language, else the English source; numbers and dates written as the language writes them.
#pragma once

#include "app/app_language.h"

#include <QStringList>

class QCoreApplication;
class QTranslator;

namespace fg {

// Where fieldguide_<locale>.qm is looked for, in order: FIELDGUIDE_TRANSLATIONS_DIR when set, the
// build tree's translations/ (beside app/, where the program is built), the installed
// share/fieldguide/translations.
QStringList translationFolders();

// Installs on `app` the window's translation for `language`: in the first of `folders` that has
// one, fieldguide_<name>.qm for the first of language.folders that exists there (de_DE, then de:
// the names the course's folders have), and Qt's qtbase_<locale>.qm from
// QLibraryInfo::TranslationsPath. Returns fieldguide's translator installed, owned by `app`, or
// nullptr when there is none for the language (the window stays English).
QTranslator* installTranslations(QCoreApplication& app, const AppLanguage& language,
                                 const QStringList& folders = translationFolders());

// The window in `language`: its locale becomes the default (numbers and dates the UI writes,
// "%L1" and QLocale(), follow it: 1.234,5 in German, not the system's 1,234.5) and its
// translations are installed (installTranslations). Returns what installTranslations returns.
QTranslator* useLanguage(QCoreApplication& app, const AppLanguage& language,
                         const QStringList& folders = translationFolders());

} // namespace fg
