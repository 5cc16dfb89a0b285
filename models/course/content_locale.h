// The course in the learner's language. A translated file sits in a folder named for its locale
// beside the English one (content/de/chapters/redis.json beside content/chapters/redis.json) and
// replaces it; a file with no translation is read in English. See content/SCHEMA.md, "Languages".
#pragma once

#include <QString>
#include <QStringList>

namespace fg {

// The locale folders to look in, the most specific first ("de_DE" gives {"de_DE", "de"}): those of
// FIELDGUIDE_LANG when it is set (the app's --lang sets it), else of the system's language
// (QLocale::system().name(), from LANG, LC_MESSAGES or LC_ALL). None for "C" or a name that is
// not a locale's (a folder name such as "../x" is never looked in).
QStringList contentLocales();

// The folders of one locale name, the most specific first: "de_DE" {"de_DE", "de"}, "de" {"de"},
// "de_DE.UTF-8" as "de_DE"; "C", "" or anything not of the form "ll" or "ll_CC" {}.
QStringList localeFolders(const QString& localeName);

// The file the course reads for `name` ("chapters/redis.json"), relative to `root`: the first of
// "<locale>/<name>" that exists there, `locales` in order, else `name` itself (the English file).
QString localizedContentFile(const QString& root, const QString& name, const QStringList& locales);

} // namespace fg
