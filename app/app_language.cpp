#include "app/app_language.h"

#include "models/course/content_locale.h"

namespace fg {

AppLanguage chooseLanguage(const QString& requested, const QLocale& system) {
    if (const QStringList folders = localeFolders(requested); !folders.isEmpty()) {
        return {QLocale(folders.constFirst()), folders};
    }
    return {system, localeFolders(system.name())};
}

} // namespace fg
