#include "models/study/progress_store.h"

#include "engines/scenario/json_text.h"
#include "models/io/atomic_file.h"
#include "models/io/status_text.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <exception>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

using json = nlohmann::json;

constexpr const char* kFormat = "fieldguide-progress";
constexpr int kVersion = 1;
constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

// Reads an array of non-empty strings; anything else is a problem and is skipped.
QStringList stringList(const json& v, const QString& where, QStringList& problems) {
    QStringList out;
    if (!v.is_array()) {
        problems << QStringLiteral("%1 is not a list").arg(where);
        return out;
    }
    for (const auto& s : v) {
        if (s.is_string() && !s.get_ref<const std::string&>().empty()) {
            const QString q = str(s.get<std::string>());
            if (!out.contains(q)) {
                out << q;
            }
        } else {
            problems << QStringLiteral("%1 holds something that is not a section id").arg(where);
        }
    }
    return out;
}

QMap<QString, QString> stringMap(const json& v, const QString& where, QStringList& problems,
                                 const QStringList& allowed = {}) {
    QMap<QString, QString> out;
    if (!v.is_object()) {
        problems << QStringLiteral("%1 is not an object").arg(where);
        return out;
    }
    for (const auto& [key, value] : v.items()) {
        const QString val = value.is_string() ? str(value.get<std::string>()) : QString();
        if (key.empty() || val.isEmpty() || (!allowed.isEmpty() && !allowed.contains(val))) {
            problems << QStringLiteral("%1/%2 is not valid").arg(where, str(key));
            continue;
        }
        out.insert(str(key), val);
    }
    return out;
}

} // namespace

QString ProgressStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/progress.json");
}

ProgressStore::ProgressStore(QString path) : path_(std::move(path)) {}

QString ProgressStore::gradeName(study::Grade grade) {
    switch (grade) {
    case study::Grade::Right:
        return QStringLiteral("right");
    case study::Grade::Partly:
        return QStringLiteral("partly");
    case study::Grade::Wrong:
        break;
    }
    return QStringLiteral("wrong");
}

void ProgressStore::setDamaged(const QString& what) {
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString backup = path_ + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(backup); ++n) {
        backup = path_ + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    }
    if (QFile::rename(path_, backup)) {
        backupPath_ = backup;
        // What was kept, counted: "what could be read" said nothing when nothing could.
        int read = 0, answers = 0, bookmarks = 0, notes = 0;
        for (const ChapterProgress& p : chapters_) {
            read += static_cast<int>(p.sectionsRead.size());
            answers += static_cast<int>(p.quiz.size());
            bookmarks += static_cast<int>(p.bookmarks.size());
            notes += static_cast<int>(p.notes.size());
        }
        const int cards = static_cast<int>(review_.size());
        auto count = [](int n, const char* one, const char* many) {
            return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
        };
        const QString kept =
            read + answers + bookmarks + notes + cards == 0
                ? QStringLiteral("Nothing could be read from it, so your progress starts afresh.")
                : QStringLiteral("Kept from it: %1, %2, %3, %4 and %5; they will be saved to a "
                                 "new progress file.")
                      .arg(count(read, "section read", "sections read"),
                           count(answers, "quiz answer", "quiz answers"),
                           count(bookmarks, "bookmark", "bookmarks"), count(notes, "note", "notes"),
                           count(cards, "review card", "review cards"));
        error_ = QStringLiteral("Your progress file is damaged (%1). The damaged file was kept as "
                                "%2. %3")
                     .arg(what, QDir::toNativeSeparators(backup), kept);
    } else {
        canSave_ = false;
        error_ = QStringLiteral("Your progress file could not be read (%1) and could not be moved "
                                "aside, so progress will not be saved until %2 is fixed or "
                                "removed.")
                     .arg(what, QDir::toNativeSeparators(path_));
    }
}

Status ProgressStore::load() {
    chapters_.clear();
    review_ = study::Review();
    practice_.clear();
    practiceReview_ = study::Review();
    error_.clear();
    backupPath_.clear();
    canSave_ = true;
    dirty_ = false;
    try {
        const QFileInfo info(path_);
        if (!info.exists() && !info.isSymLink()) {
            return Status::ok(); // a fresh start
        }
        QFile f(path_);
        if (!info.isFile() || !f.open(QIODevice::ReadOnly)) {
            setDamaged(info.isFile()
                           ? QStringLiteral("it cannot be opened: %1").arg(f.errorString())
                           : QStringLiteral("it is not a file"));
            return badInput(error_);
        }
        if (f.size() > kMaxBytes) {
            f.close();
            setDamaged(QStringLiteral("it is %1 MB, far more than progress can take")
                           .arg(f.size() / (1024 * 1024)));
            return badInput(error_);
        }
        const QByteArray bytes = f.readAll();
        f.close();
        json j;
        const Status parsed = parseJsonText(bytes.toStdString(), "progress.json", j);
        if (!parsed) {
            setDamaged(QStringLiteral("it is not valid JSON: %1").arg(str(parsed.message())));
            return badInput(error_);
        }
        if (!j.is_object() || j.value("format", json()) != kFormat) {
            setDamaged(QStringLiteral("it is not a Field Guide progress file"));
            return badInput(error_);
        }
        const json version = j.value("version", json());
        if (version.is_number_integer() && version.get<long long>() > kVersion) {
            canSave_ = false;
            error_ = QStringLiteral("Your progress file was written by a newer version of Field "
                                    "Guide. It is left as it is, and progress will not be saved "
                                    "by this version.");
            return badInput(error_);
        }
        QStringList problems;
        if (!version.is_number_integer() || version.get<long long>() != kVersion) {
            problems << QStringLiteral("the version is missing or not valid");
        }
        if (j.contains("chapters")) {
            const json& chapters = j.at("chapters");
            if (!chapters.is_object()) {
                problems << QStringLiteral("chapters is not an object");
            } else {
                for (const auto& [id, c] : chapters.items()) {
                    const QString where = QStringLiteral("chapters/") + str(id);
                    if (id.empty() || !c.is_object()) {
                        problems << QStringLiteral("%1 is not valid").arg(where);
                        continue;
                    }
                    ChapterProgress p;
                    if (c.contains("read")) {
                        p.sectionsRead = stringList(c.at("read"), where + "/read", problems);
                    }
                    if (c.contains("quiz")) {
                        p.quiz = stringMap(c.at("quiz"), where + "/quiz", problems,
                                           {QStringLiteral("right"), QStringLiteral("partly"),
                                            QStringLiteral("wrong")});
                    }
                    if (c.contains("bookmarks")) {
                        p.bookmarks = stringList(c.at("bookmarks"), where + "/bookmarks", problems);
                    }
                    if (c.contains("notes")) {
                        p.notes = stringMap(c.at("notes"), where + "/notes", problems);
                    }
                    if (!p.isEmpty()) {
                        chapters_.insert(str(id), p);
                    }
                }
            }
        }
        if (j.contains("practice")) {
            loadPractice(j.at("practice"), problems);
        }
        if (j.contains("review")) {
            std::vector<std::string> reviewProblems;
            review_ = study::Review::fromJson(j.at("review"), &reviewProblems);
            for (const auto& p : reviewProblems) {
                problems << str(p);
            }
        }
        if (!problems.isEmpty()) {
            setDamaged(problems.size() == 1 ? problems.front()
                                            : QStringLiteral("%1, and %2 more problems")
                                                  .arg(problems.front())
                                                  .arg(problems.size() - 1));
            dirty_ = canSave_;
            return badInput(error_);
        }
        return Status::ok();
    } catch (const std::exception& e) {
        chapters_.clear();
        review_ = study::Review();
        practice_.clear();
        practiceReview_ = study::Review();
        setDamaged(
            QStringLiteral("it could not be read: %1").arg(QString::fromLocal8Bit(e.what())));
        return badInput(error_);
    }
}

Status ProgressStore::save() {
    if (!canSave_) {
        if (error_.isEmpty()) {
            error_ = QStringLiteral("Progress is not saved.");
        }
        return systemFailure(error_);
    }
    json chapters = json::object();
    for (auto it = chapters_.cbegin(); it != chapters_.cend(); ++it) {
        const ChapterProgress& p = it.value();
        json c = json::object();
        json read = json::array();
        for (const auto& s : p.sectionsRead) {
            read.push_back(s.toStdString());
        }
        c["read"] = read;
        json quiz = json::object();
        for (auto q = p.quiz.cbegin(); q != p.quiz.cend(); ++q) {
            quiz[q.key().toStdString()] = q.value().toStdString();
        }
        c["quiz"] = quiz;
        json bookmarks = json::array();
        for (const auto& s : p.bookmarks) {
            bookmarks.push_back(s.toStdString());
        }
        c["bookmarks"] = bookmarks;
        json notes = json::object();
        for (auto n = p.notes.cbegin(); n != p.notes.cend(); ++n) {
            notes[n.key().toStdString()] = n.value().toStdString();
        }
        c["notes"] = notes;
        chapters[it.key().toStdString()] = c;
    }
    const json doc = {{"format", kFormat},
                      {"version", kVersion},
                      {"chapters", chapters},
                      {"review", review_.toJson()},
                      {"practice", practiceJson()}};
    const QByteArray bytes = QByteArray::fromStdString(doc.dump(2)) + '\n';

    const QFileInfo info(path_);
    if (!QDir().mkpath(info.absolutePath())) {
        error_ = QStringLiteral("Progress could not be saved: the folder %1 cannot be made.")
                     .arg(QDir::toNativeSeparators(info.absolutePath()));
        return systemFailure(error_);
    }
    // The student may keep progress.json as a link (in a synced folder, say): it is followed.
    AtomicFile f(path_, AtomicFile::Links::Follow);
    Status st = f.open();
    if (st) {
        f.write(bytes);
        st = f.commit();
    }
    if (!st) {
        error_ = QStringLiteral("Progress could not be saved to %1: %2")
                     .arg(QDir::toNativeSeparators(path_), QString::fromStdString(st.what()));
        return systemFailure(error_);
    }
    error_.clear();
    dirty_ = false;
    return Status::ok();
}

void ProgressStore::prune(const QString& chapterId) {
    if (chapters_.value(chapterId).isEmpty()) {
        chapters_.remove(chapterId);
    }
}

void ProgressStore::setMember(const QString& chapterId, QStringList ChapterProgress::*list,
                              const QString& sectionId, bool on) {
    QStringList& ids = chapters_[chapterId].*list;
    if (on && !ids.contains(sectionId)) {
        ids << sectionId;
        dirty_ = true;
    } else if (!on && ids.removeAll(sectionId) > 0) {
        dirty_ = true;
    }
    prune(chapterId);
}

void ProgressStore::recordPractice(const QString& typeId, bool right, long today) {
    PracticeTally& t = practice_[typeId];
    ++t.seen;
    t.right += right ? 1 : 0;
    const std::string id = typeId.toStdString();
    practiceReview_.add(id, today);
    practiceReview_.answer(id, right ? study::Grade::Right : study::Grade::Wrong, today);
    dirty_ = true;
}

// {"tallies": {"btree/insert": {"seen": 3, "right": 2}}, "review": {...}}
void ProgressStore::loadPractice(const json& j, QStringList& problems) {
    if (!j.is_object()) {
        problems << QStringLiteral("practice is not an object");
        return;
    }
    if (const auto t = j.find("tallies"); t != j.end() && t->is_object()) {
        for (const auto& [id, v] : t->items()) {
            const json seen = v.is_object() ? v.value("seen", json()) : json();
            const json right = v.is_object() ? v.value("right", json()) : json();
            if (id.empty() || !seen.is_number_unsigned() || !right.is_number_unsigned() ||
                right.get<std::uint64_t>() > seen.get<std::uint64_t>() ||
                seen.get<std::uint64_t>() > 1'000'000'000) {
                problems << QStringLiteral("practice/tallies/%1 is not valid").arg(str(id));
                continue;
            }
            practice_.insert(str(id), {seen.get<int>(), right.get<int>()});
        }
    } else if (t != j.end()) {
        problems << QStringLiteral("practice/tallies is not an object");
    }
    if (const auto r = j.find("review"); r != j.end()) {
        std::vector<std::string> reviewProblems;
        practiceReview_ = study::Review::fromJson(*r, &reviewProblems);
        for (const auto& p : reviewProblems) {
            problems << QStringLiteral("practice review: ") + str(p);
        }
    }
}

json ProgressStore::practiceJson() const {
    json tallies = json::object();
    for (auto it = practice_.cbegin(); it != practice_.cend(); ++it) {
        tallies[it.key().toStdString()] = {{"seen", it.value().seen}, {"right", it.value().right}};
    }
    return {{"tallies", tallies}, {"review", practiceReview_.toJson()}};
}

void ProgressStore::setSectionRead(const QString& chapterId, const QString& sectionId, bool read) {
    setMember(chapterId, &ChapterProgress::sectionsRead, sectionId, read);
}

bool ProgressStore::isSectionRead(const QString& chapterId, const QString& sectionId) const {
    return chapters_.value(chapterId).sectionsRead.contains(sectionId);
}

void ProgressStore::setQuizResult(const QString& chapterId, const QString& cardId,
                                  study::Grade grade) {
    chapters_[chapterId].quiz.insert(cardId, gradeName(grade));
    dirty_ = true;
}

QString ProgressStore::quizResult(const QString& chapterId, const QString& cardId) const {
    return chapters_.value(chapterId).quiz.value(cardId);
}

void ProgressStore::setBookmark(const QString& chapterId, const QString& sectionId, bool on) {
    setMember(chapterId, &ChapterProgress::bookmarks, sectionId, on);
}

bool ProgressStore::isBookmarked(const QString& chapterId, const QString& sectionId) const {
    return chapters_.value(chapterId).bookmarks.contains(sectionId);
}

void ProgressStore::setNote(const QString& chapterId, const QString& sectionId,
                            const QString& text) {
    ChapterProgress& p = chapters_[chapterId];
    if (text.trimmed().isEmpty()) {
        dirty_ = p.notes.remove(sectionId) > 0 || dirty_;
    } else {
        p.notes.insert(sectionId, text);
        dirty_ = true;
    }
    prune(chapterId);
}

QString ProgressStore::note(const QString& chapterId, const QString& sectionId) const {
    return chapters_.value(chapterId).notes.value(sectionId);
}

} // namespace fg
