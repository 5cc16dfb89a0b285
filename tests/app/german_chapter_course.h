// The test course (tests/models/data/good: chapters "alpha" and "beta") copied into a folder of
// its own, with "alpha" translated into German (de/chapters/alpha.json, titled "Alpha-Läden") and
// "beta" not: the course as a language with a partial translation reads it.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

class GermanChapterCourse {
public:
    GermanChapterCourse() {
        const QDir from(QStringLiteral(TEST_DATA_DIR "/good"));
        const QDir to(dir_.path());
        to.mkpath(QStringLiteral("chapters"));
        to.mkpath(QStringLiteral("de/chapters"));
        for (const char* name : {"index.json", "chapters/alpha.json", "chapters/beta.json"}) {
            QFile::copy(from.filePath(QLatin1String(name)), to.filePath(QLatin1String(name)));
        }
        QFile german(to.filePath(QStringLiteral("de/chapters/alpha.json")));
        if (german.open(QIODevice::WriteOnly)) {
            german.write(R"({ "id": "alpha", "title": "Alpha-Läden", "summary": "Kurz.",
              "sections": [ { "id": "eins", "title": "Eins", "blocks": [
                { "type": "paragraph", "text": "Ein Absatz." } ] } ] })");
        }
    }
    QString root() const { return dir_.path(); }

private:
    QTemporaryDir dir_;
};
