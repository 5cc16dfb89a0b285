// The window's words in the learner's language: fieldguide_<locale>.qm (made by lrelease from
// translations/fieldguide_<locale>.ts at build time) and Qt's own qtbase_<locale>.qm (the standard
// dialogs' buttons), each loaded when there is one for the language, else the English source.
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

} // namespace fg
