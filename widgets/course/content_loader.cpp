#include "course/content_loader.h"

#include "course/content_validator.h"
#include "scenario/json_text.h"

#include <QFile>
#include <QHash>

namespace fg {

namespace {

constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

// Reads and parses one file; on failure records the error and returns false.
bool readJson(const QString& path, const QString& name, nlohmann::json& out,
              std::vector<ContentError>& errors) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors.push_back({name, {}, QStringLiteral("cannot be read: %1").arg(f.errorString())});
        return false;
    }
    if (f.size() > kMaxFileBytes) {
        errors.push_back({name,
                          {},
                          QStringLiteral("is %1 MB: a content file may be 16 MB at most")
                              .arg(f.size() / (1024 * 1024))});
        return false;
    }
    const QByteArray bytes = f.readAll();
    const Status s = parseJsonText(bytes.toStdString(), name.toStdString(), out);
    if (!s) {
        const QString where = QString::fromStdString(s.where()).section(QLatin1Char(':'), 1);
        errors.push_back(
            {name,
             QStringLiteral("line %1, column %2")
                 .arg(where.section(QLatin1Char(':'), 0, 0), where.section(QLatin1Char(':'), 1, 1)),
             QString::fromStdString(s.what())});
        return false;
    }
    return true;
}

} // namespace

QString defaultContentRoot() {
    const QByteArray dir = qgetenv("FIELDGUIDE_CONTENT_DIR");
    return dir.isEmpty() ? QStringLiteral(":/content") : QString::fromLocal8Bit(dir);
}

Course loadCourse(const QString& root) {
    Course course;
    nlohmann::json index;
    if (!readJson(root + QStringLiteral("/index.json"), QStringLiteral("index.json"), index,
                  course.errors)) {
        return course;
    }
    QStringList ids;
    {
        ContentValidator v(QStringLiteral("index.json"));
        v.index(index, course.title, course.subtitle, ids);
        course.errors.insert(course.errors.end(), v.errors().begin(), v.errors().end());
    }
    std::vector<std::pair<QString, ContentLink>> links;
    QHash<QString, QString> figureAt; // figure id -> "file: path"
    for (const QString& id : ids) {
        const QString name = QStringLiteral("chapters/%1.json").arg(id);
        Chapter ch;
        ch.id = id;
        nlohmann::json j;
        if (readJson(root + QLatin1Char('/') + name, name, j, ch.errors)) {
            ContentValidator v(name);
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

} // namespace fg
