#include "models/course/content_locale.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace fg {

QStringList localeFolders(const QString& localeName) {
    static const QRegularExpression form(QStringLiteral("^([a-z]{2,3})(_[A-Z]{2})?$"));
    // "de_DE.UTF-8" and "de_DE@euro", as LANG spells them, are "de_DE".
    const QString name = localeName.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
    const QRegularExpressionMatch m = form.match(name);
    if (!m.hasMatch()) {
        return {};
    }
    QStringList folders(name);
    if (m.capturedLength(2) > 0) {
        folders << m.captured(1);
    }
    return folders;
}

QString localizedContentFile(const QString& root, const QString& name, const QStringList& locales) {
    for (const QString& locale : locales) {
        const QString translated = locale + QLatin1Char('/') + name;
        if (QFileInfo::exists(root + QLatin1Char('/') + translated)) {
            return translated;
        }
    }
    return name;
}

} // namespace fg
