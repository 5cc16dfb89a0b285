#include "models/course/course.h"

namespace fg {

QString ContentError::toString() const {
    return path.isEmpty() ? QStringLiteral("%1: %2").arg(file, message)
                          : QStringLiteral("%1: %2: %3").arg(file, path, message);
}

QString joined(const std::vector<ContentError>& errors, const QString& separator) {
    QStringList all;
    for (const auto& e : errors) {
        all << e.toString();
    }
    return all.join(separator);
}

const Section* Chapter::section(const QString& sid) const {
    for (const auto& s : sections) {
        if (s.id == sid) {
            return &s;
        }
    }
    return nullptr;
}

QStringList Chapter::diagramIds() const {
    QStringList ids;
    for (const auto& s : sections) {
        for (const auto& b : s.blocks) {
            if (b.value("type", std::string()) == "diagram") {
                ids << QString::fromStdString(b.value("id", std::string()));
            }
        }
    }
    return ids;
}

const Chapter* Course::chapter(const QString& cid) const {
    const int i = indexOf(cid);
    return i < 0 ? nullptr : &chapters[static_cast<std::size_t>(i)];
}

int Course::indexOf(const QString& cid) const {
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        if (chapters[i].id == cid) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString sectionPath(const QString& chapterTitle, const QString& sectionTitle) {
    const QString section = sectionTitle.trimmed();
    if (section.isEmpty() || section.compare(chapterTitle.trimmed(), Qt::CaseInsensitive) == 0) {
        return chapterTitle;
    }
    return chapterTitle + QStringLiteral(" \u203A ") + section;
}

const DiagramLink* findDiagramLink(const DiagramLinks& links, const QString& id) {
    for (const auto& d : links) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace fg
