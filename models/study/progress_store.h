// ProgressStore: what the student has done, per chapter: the sections read, the last result of
// each quiz card, bookmarks and notes per section; and the spaced-review state of every card.
// Kept as JSON in progress.json under QStandardPaths::AppDataLocation, written atomically
// (AtomicFile: a new file renamed over the old one), so a crash or power cut mid-save leaves the
// last saved file whole.
//
// A file that cannot be read, is not JSON, or holds anything unexpected is never overwritten in
// silence: it is renamed aside (progress.json.corrupt-<timestamp>), what could be read from it is
// kept, and error() says what happened in words the UI can show. If it cannot even be moved aside,
// saving is switched off (canSave() is false) so the file stays as it is. load() never throws.
#pragma once

#include "engines/core/status.h"
#include "engines/study/review.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct ChapterProgress {
    QStringList sectionsRead;     // section ids, in the order they were read
    QMap<QString, QString> quiz;  // card id -> "right", "partly" or "wrong" (the last answer)
    QStringList bookmarks;        // section ids
    QMap<QString, QString> notes; // section id -> the note's text
    bool isEmpty() const {
        return sectionsRead.isEmpty() && quiz.isEmpty() && bookmarks.isEmpty() && notes.isEmpty();
    }
};

// How often a practice exercise type was answered, and how often right.
struct PracticeTally {
    int seen = 0;
    int right = 0;
    bool operator==(const PracticeTally&) const = default;
};

class ProgressStore {
public:
    // <AppDataLocation>/progress.json
    static QString defaultPath();
    explicit ProgressStore(QString path = defaultPath());

    const QString& path() const { return path_; }

    // Reads the file. A missing file is a fresh start (ok). Fails, with backupPath() set, when
    // the file was unreadable or damaged; what could be read from it is kept.
    Status load();
    // Writes the file atomically. Fails when it could not be written or saving is off because a
    // damaged file could not be moved aside.
    Status save();

    // The message of the last load or save that failed, for the pages that show it (the
    // progress page's notice); empty when the last one was fine.
    QString error() const { return error_; }
    QString backupPath() const { return backupPath_; } // where a damaged file was moved, if any
    bool canSave() const { return canSave_; }
    bool isDirty() const { return dirty_; }

    QStringList chapterIds() const { return chapters_.keys(); }
    ChapterProgress chapter(const QString& chapterId) const { return chapters_.value(chapterId); }

    void setSectionRead(const QString& chapterId, const QString& sectionId, bool read = true);
    bool isSectionRead(const QString& chapterId, const QString& sectionId) const;

    void setQuizResult(const QString& chapterId, const QString& cardId, study::Grade grade);
    // "right", "partly", "wrong", or empty when never answered.
    QString quizResult(const QString& chapterId, const QString& cardId) const;

    void setBookmark(const QString& chapterId, const QString& sectionId, bool on);
    bool isBookmarked(const QString& chapterId, const QString& sectionId) const;

    // An empty text removes the note.
    void setNote(const QString& chapterId, const QString& sectionId, const QString& text);
    QString note(const QString& chapterId, const QString& sectionId) const;

    study::Review& review() {
        dirty_ = true;
        return review_;
    }
    const study::Review& review() const { return review_; }

    static QString gradeName(study::Grade grade);

    // Practice (Study > Practice): each exercise type ("btree/insert", practice::typeId) has a
    // tally and a card in the practice review, scheduled as the quiz cards are (study::Review,
    // Leitner boxes 0/1/3/7/14 days): a wrong answer brings the type back the same day.
    void recordPractice(const QString& typeId, bool right, long today);
    PracticeTally practiceTally(const QString& typeId) const { return practice_.value(typeId); }
    const QMap<QString, PracticeTally>& practiceTallies() const { return practice_; }
    const study::Review& practiceReview() const { return practiceReview_; }

private:
    void setDamaged(const QString& what);
    void loadPractice(const nlohmann::json& j, QStringList& problems);
    nlohmann::json practiceJson() const;
    void prune(const QString& chapterId);
    // Adds `sectionId` to (on) or removes it from one of a chapter's section lists.
    void setMember(const QString& chapterId, QStringList ChapterProgress::*list,
                   const QString& sectionId, bool on);

    QString path_;
    QMap<QString, ChapterProgress> chapters_;
    study::Review review_;
    QMap<QString, PracticeTally> practice_;
    study::Review practiceReview_;
    QString error_;
    QString backupPath_;
    bool canSave_ = true;
    bool dirty_ = false;
};

} // namespace fg
