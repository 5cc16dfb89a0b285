#include "models/course/content_loader.h"

#include "engines/scenario/json_text.h"
#include "models/course/content_locale.h"
#include "models/course/content_validator.h"

#include <QFile>
#include <QHash>
#include <QThread>
#include <clocale>
#include <locale.h>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

// The size cap of every content file; on failure records the error and returns false.
bool withinSizeCap(qint64 size, const QString& name, std::vector<ContentError>& errors) {
    if (size > kMaxFileBytes) {
        errors.push_back({name,
                          {},
                          QStringLiteral("is %1 MB: a content file may be 16 MB at most")
                              .arg(size / (1024 * 1024))});
        return false;
    }
    return true;
}

// How deep arrays and objects may nest. The shipped chapters nest 18 levels; every step after the
// parse (copying the JSON, validating, the reader's HTML, figure layout, search) recurses once per
// level, so a file nested many thousand levels deep (a few bytes per level) would overflow the
// stack and crash the app instead of failing to load.
constexpr int kMaxDepth = 64;

// The byte where the nesting of [ and { (outside strings) first goes deeper than kMaxDepth, or -1.
qsizetype tooDeepAt(const QByteArray& bytes) {
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) {
                return i;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return -1;
}

// "line L, column C" of a byte (the same counting as syntax errors: scenario/json_text.h).
QString lineColumn(const QByteArray& bytes, qsizetype at) {
    const QString place = QString::fromStdString(
        textPlace(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                  static_cast<std::size_t>(at)));
    return QStringLiteral("line %1, column %2")
        .arg(place.section(QLatin1Char(':'), 0, 0), place.section(QLatin1Char(':'), 1, 1));
}

// Reads and parses one file; on failure records the error and returns false.
bool readJson(const QString& path, const QString& name, nlohmann::json& out,
              std::vector<ContentError>& errors) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors.push_back({name, {}, QStringLiteral("cannot be read: %1").arg(f.errorString())});
        return false;
    }
    // Checked before reading too, so a huge file is never read into memory.
    return withinSizeCap(f.size(), name, errors) &&
           parseContentJson(f.readAll(), name, out, errors);
}

} // namespace

bool parseContentJson(const QByteArray& bytes, const QString& name, nlohmann::json& out,
                      std::vector<ContentError>& errors) {
    if (!withinSizeCap(bytes.size(), name, errors)) {
        return false;
    }
    if (const qsizetype at = tooDeepAt(bytes); at >= 0) {
        errors.push_back({name, lineColumn(bytes, at),
                          QStringLiteral("arrays and objects nest more than %1 levels deep here")
                              .arg(kMaxDepth)});
        return false;
    }
    const Status s = parseJsonText(bytes.toStdString(), name.toStdString(), out);
    if (!s) {
        const QString where = QString::fromStdString(s.where()).section(QLatin1Char(':'), 1);
        errors.push_back({name,
                          where.isEmpty() ? QString()
                                          : QStringLiteral("line %1, column %2")
                                                .arg(where.section(QLatin1Char(':'), 0, 0),
                                                     where.section(QLatin1Char(':'), 1, 1)),
                          QString::fromStdString(s.what())});
        return false;
    }
    return true;
}

QString defaultContentRoot() {
    const QByteArray dir = qgetenv("FIELDGUIDE_CONTENT_DIR");
    return dir.isEmpty() ? QStringLiteral(":/content") : QString::fromLocal8Bit(dir);
}

Course loadCourse(const DiagramLinks& diagrams, const QStringList& locales, const QString& root) {
    Course course;
    course.locales = locales;
    nlohmann::json index;
    const QString indexName = localizedContentFile(root, QStringLiteral("index.json"), locales);
    if (!readJson(root + QLatin1Char('/') + indexName, indexName, index, course.errors)) {
        return course;
    }
    QStringList ids;
    {
        ContentValidator v(indexName);
        v.index(index, course.title, course.subtitle, ids);
        course.errors.insert(course.errors.end(), v.errors().begin(), v.errors().end());
    }
    std::vector<std::pair<QString, ContentLink>> links;
    QHash<QString, QString> figureAt; // figure id -> "file: path"
    for (const QString& id : ids) {
        const QString name =
            localizedContentFile(root, QStringLiteral("chapters/%1.json").arg(id), locales);
        Chapter ch;
        ch.id = id;
        nlohmann::json j;
        if (readJson(root + QLatin1Char('/') + name, name, j, ch.errors)) {
            ContentValidator v(name, &diagrams);
            v.chapter(j, id, ch);
            ch.errors = v.errors();
            for (const auto& l : v.links()) {
                links.emplace_back(name, l);
            }
            for (const auto& f : v.figureIds()) {
                if (const auto prev = figureAt.constFind(f.id); prev != figureAt.constEnd()) {
                    course.errors.push_back({name, f.path,
                                             QStringLiteral("the figure id \"%1\" is already used "
                                                            "by %2")
                                                 .arg(f.id, *prev)});
                } else {
                    figureAt.insert(f.id, name + QStringLiteral(": ") + f.path);
                }
            }
        }
        if (!ch.errors.empty()) {
            ch.sections.clear();
            ch.id = id;
            if (ch.title.isEmpty()) {
                ch.title = id;
            }
            course.errors.insert(course.errors.end(), ch.errors.begin(), ch.errors.end());
        }
        course.chapters.push_back(std::move(ch));
    }
    for (const auto& [file, link] : links) {
        const QString target = link.target.mid(8); // after "chapter:"
        const QString cid = target.section(QLatin1Char('#'), 0, 0);
        const QString sid = target.section(QLatin1Char('#'), 1);
        const Chapter* ch = course.chapter(cid);
        if (!ch) {
            course.errors.push_back(
                {file, link.path,
                 QStringLiteral("the link goes to \"%1\": no such chapter").arg(cid)});
        } else if (!sid.isEmpty() && ch->loaded() && !ch->section(sid)) {
            course.errors.push_back({file, link.path,
                                     QStringLiteral("the link goes to section \"%1\" of \"%2\": no "
                                                    "such section")
                                         .arg(sid, cid)});
        }
    }
    return course;
}

std::future<Course> loadCourseInBackground(DiagramLinks diagrams, QStringList locales,
                                           QString root) {
    // Qt takes the first thread that makes a QObject (the loader's QFile) for its main thread:
    // this one first, the one that makes the application (else, now and then, the window was
    // never painted).
    QThread::currentThread();
    return std::async(std::launch::async, [diagrams = std::move(diagrams), root = std::move(root),
                                           locales = std::move(locales)] {
        // A locale of this thread's own: the JSON reader's numbers (strtod, localeconv) do not
        // change meaning when the main thread's setlocale comes in the middle of a file.
        const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t{});
        const locale_t before = c ? uselocale(c) : locale_t{};
        Course course = loadCourse(diagrams, locales, root);
        if (c) {
            uselocale(before);
            freelocale(c);
        }
        return course;
    });
}

} // namespace fg
