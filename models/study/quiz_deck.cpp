#include "models/study/quiz_deck.h"

#include "engines/scenario/json_text.h"
#include "engines/study/quiz_anki.h"
#include "models/course/content_locale.h"
#include "models/io/atomic_file.h"
#include "models/io/status_text.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <nlohmann/json.hpp>

namespace fg {

const study::QuizCard* QuizDeck::card(const QString& id) const {
    const std::string key = id.toStdString();
    for (const auto& c : cards) {
        if (c.id == key) {
            return &c;
        }
    }
    return nullptr;
}

std::vector<const study::QuizCard*> QuizDeck::fromChapter(const QString& chapterId) const {
    std::vector<const study::QuizCard*> out;
    const std::string key = chapterId.toStdString();
    for (const auto& c : cards) {
        if (c.from.chapter == key) {
            out.push_back(&c);
        }
    }
    return out;
}

QuizDeck loadQuizDeck(const QString& contentRoot, const QStringList& locales) {
    QuizDeck deck;
    const QDir dir(contentRoot + QStringLiteral("/quizzes"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& english : files) {
        // An English file is named as before ("kafka.json"), a translated one by its folder.
        const QString translated =
            localizedContentFile(contentRoot, QStringLiteral("quizzes/") + english, locales);
        const QString name =
            translated.startsWith(QLatin1String("quizzes/")) ? english : translated;
        QFile f(contentRoot + QLatin1Char('/') + translated);
        if (!f.open(QIODevice::ReadOnly)) {
            deck.errors.push_back(
                {name, {}, QStringLiteral("cannot be read: %1").arg(f.errorString())});
            continue;
        }
        nlohmann::json j;
        const Status s = parseJsonText(f.readAll().toStdString(), name.toStdString(), j);
        if (!s) {
            deck.errors.push_back({name, {}, QString::fromStdString(s.message())});
            continue;
        }
        std::vector<study::QuizProblem> problems;
        auto cards = study::parseQuizFile(j, name.toStdString(), problems);
        const std::string place = name.toStdString() + ":";
        for (const auto& p : problems) {
            // the engine names the file before the JSON path: "cards.json:/cards/3"
            const std::string path =
                p.path.rfind(place, 0) == 0 ? p.path.substr(place.size()) : p.path;
            deck.errors.push_back(
                {name, QString::fromStdString(path), QString::fromStdString(p.message)});
        }
        deck.cards.insert(deck.cards.end(), std::make_move_iterator(cards.begin()),
                          std::make_move_iterator(cards.end()));
    }
    return deck;
}

void shuffleChoices(study::QuizCard& card, int showing) {
    std::vector<study::QuizChoice> shown;
    shown.reserve(card.choices.size());
    for (const int i : study::choiceOrder(card, showing)) {
        shown.push_back(card.choices[static_cast<std::size_t>(i)]);
    }
    card.choices = std::move(shown);
}

Status writeAnkiFile(const QuizDeck& deck, const Course& course, const QString& path) {
    const auto seeTitle = [&course](const study::SectionRef& see) -> std::string {
        const Chapter* ch = course.chapter(QString::fromStdString(see.chapter));
        const Section* s = ch ? ch->section(QString::fromStdString(see.section)) : nullptr;
        return s ? sectionPath(ch->title, s->title).toStdString() : std::string();
    };
    const std::string text = study::ankiText(deck.cards, seeTitle);
    AtomicFile file(path);
    if (const Status s = file.open(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    file.write(QByteArray::fromStdString(text));
    if (const Status s = file.commit(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    return Status::ok();
}

QStringList checkQuizReferences(const QuizDeck& deck, const Course& course) {
    QStringList problems;
    QSet<QString> ids;
    auto check = [&](const study::QuizCard& c, const study::SectionRef& r, const char* what) {
        const QString chapter = QString::fromStdString(r.chapter);
        const QString section = QString::fromStdString(r.section);
        const Chapter* ch = course.chapter(chapter);
        if (!ch) {
            problems << QStringLiteral("card %1: %2 chapter \"%3\" does not exist")
                            .arg(QString::fromStdString(c.id), QLatin1String(what), chapter);
        } else if (!ch->section(section)) {
            problems << QStringLiteral("card %1: %2 section \"%3#%4\" does not exist")
                            .arg(QString::fromStdString(c.id), QLatin1String(what), chapter,
                                 section);
        }
    };
    for (const auto& c : deck.cards) {
        const QString id = QString::fromStdString(c.id);
        if (ids.contains(id)) {
            problems << QStringLiteral("card id \"%1\" is used twice").arg(id);
        }
        ids.insert(id);
        check(c, c.from, "from");
        check(c, c.see, "see");
    }
    return problems;
}

} // namespace fg
