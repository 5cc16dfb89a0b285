// The course in the learner's language. A translated file sits in a folder named for its locale
// beside the English one (content/de/chapters/redis.json beside content/chapters/redis.json) and
// replaces it; a file with no translation is read in English. See content/SCHEMA.md, "Languages".
#pragma once

#include <QString>
#include <QStringList>

namespace fg {

// The locale folders of the course in English, its own language: none, every file the English one.
// The app decides the language once (app/app_language.h) and passes its folders down; nothing
// here reads the environment.
inline const QStringList kEnglishContent;

// The folders of one locale name, the most specific first: "de_DE" {"de_DE", "de"}, "de" {"de"},
// "de_DE.UTF-8" as "de_DE"; "C", "" or anything not of the form "ll" or "ll_CC" {}.
QStringList localeFolders(const QString& localeName);

// The file the course reads for `name` ("chapters/redis.json"), relative to `root`: the first of
// "<locale>/<name>" that exists there, `locales` in order, else `name` itself (the English file).
QString localizedContentFile(const QString& root, const QString& name, const QStringList& locales);

} // namespace fg
