// The language the app is shown in, decided once, in main, before anything is read: the window's
// words, its numbers and the course's files all come from this one choice, so they never disagree
// (the window German while the course stayed English). Nothing below the app reads the
// environment for it; what needs the language is given it.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace fg {

struct AppLanguage {
    // How the window writes numbers and dates, and the language of Qt's own dialogs.
    QLocale locale;
    // The language's names, the most specific first ("de_AT", then "de"): the course reads
    // content/<name>/ and the window fieldguide_<name>.qm, the first that exists, else English.
    // None: English throughout.
    QStringList folders;
};

// The language asked for, `requested` (--lang's value, else FIELDGUIDE_LANG's), when it is a
// language code ("de", "pt_BR", "de_DE.UTF-8"); else, an empty or malformed one, `system`'s
// (QLocale::system(): LANG, LC_ALL), whose "C" is English.
AppLanguage chooseLanguage(const QString& requested, const QLocale& system);

} // namespace fg
