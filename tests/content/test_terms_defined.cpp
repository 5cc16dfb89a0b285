// Terms a student meets are defined where they are met (a tester: "polyglot persistence",
// "CDC" and "CQRS" stood undefined in the Kafka and Redis chapters' quotes, the quiz and the
// decision tools). A student opens a chapter anywhere, a quiz card alone, one question of the
// wizard, one architecture of the scenario explorer: each of these is a place of its own, and in
// each the first part that names a term (a chapter's summary or block, a card, a question or a
// result, the explorer's intro) also says what it means, in the words the course uses for it.
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <nlohmann/json.hpp>

namespace terms_defined {

using nlohmann::json;

struct Term {
    const char* name;
    QRegularExpression used;    // the term as a reader meets it
    QRegularExpression defined; // what it means, said beside it
};

const std::vector<Term>& terms() {
    static const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const std::vector<Term> t{
        {"polyglot persistence", QRegularExpression(QStringLiteral("polyglot[- ]persistence"), ci),
         QRegularExpression(QStringLiteral("several (kinds of )?databases"), ci)},
        // The words behind the letters, and what it does: changes sent on as events.
        {"CDC", QRegularExpression(QStringLiteral("\\bCDC\\b")),
         QRegularExpression(QStringLiteral("change data capture\\W+[^.]*\\bevents?\\b"), ci)},
        {"CQRS", QRegularExpression(QStringLiteral("\\bCQRS\\b")),
         QRegularExpression(
             QStringLiteral("command[- ]query responsibility segregation\\W+[^.]*\\breads?\\b"),
             ci)},
    };
    return t;
}

// Every string in `j`, joined: what a reader sees of one block, card or question.
QString words(const json& j) {
    if (j.is_string()) {
        return QString::fromStdString(j.get<std::string>());
    }
    QStringList out;
    if (j.is_array() || j.is_object()) {
        for (const auto& item : j) {
            out << words(item);
        }
    }
    return out.join(QLatin1Char(' '));
}

json readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return json();
    }
    return json::parse(f.readAll().toStdString(), nullptr, false);
}

// A place a student can start reading: its parts in the order they are read.
struct Place {
    QString name;
    std::vector<std::pair<QString, QString>> parts; // where, words
};

// Each term's first part in `place` that uses it, when that part does not say what it means.
QStringList undefinedIn(const Place& place, int& uses) {
    QStringList out;
    for (const Term& term : terms()) {
        for (const auto& [where, text] : place.parts) {
            if (!term.used.match(text).hasMatch()) {
                continue;
            }
            ++uses;
            if (!term.defined.match(text).hasMatch()) {
                out << QStringLiteral("%1: \"%2\" first in %3, undefined: %4")
                           .arg(place.name, QString::fromUtf8(term.name), where, text.left(160));
            }
            break;
        }
    }
    return out;
}

} // namespace terms_defined

class TestTermsDefined : public QObject {
    Q_OBJECT
private slots:
    void everyTermIsDefinedWhereAStudentFirstMeetsIt() {
        using namespace terms_defined;
        std::vector<Place> places;
        const fg::Course course =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        QVERIFY(!course.chapters.empty());
        for (const auto& ch : course.chapters) {
            Place p{QStringLiteral("chapter %1").arg(ch.id),
                    {{QStringLiteral("summary"), ch.summary}}};
            for (const auto& sec : ch.sections) {
                p.parts.emplace_back(sec.id, sec.title);
                int n = 0;
                for (const auto& block : sec.blocks) {
                    p.parts.emplace_back(QStringLiteral("%1, block %2").arg(sec.id).arg(n++),
                                         words(block));
                }
            }
            places.push_back(std::move(p));
        }
        // A quiz card is shown alone, in any order.
        const QStringList quizzes =
            QDir(QStringLiteral(":/content/quizzes")).entryList({QStringLiteral("*.json")});
        QVERIFY(!quizzes.isEmpty());
        for (const QString& file : quizzes) {
            const json deck = readJson(QStringLiteral(":/content/quizzes/") + file);
            QVERIFY2(deck.contains("cards"), qPrintable(file));
            for (const auto& card : deck["cards"]) {
                places.push_back({QStringLiteral("quiz card %1")
                                      .arg(QString::fromStdString(card["id"].get<std::string>())),
                                  {{QStringLiteral("the card"), words(card)}}});
            }
        }
        // The wizard shows one question or result at a time, under its intro.
        const json wizard = readJson(QStringLiteral(":/content/tools/wizard.json"));
        for (const char* kind : {"questions", "results"}) {
            QVERIFY(wizard.contains(kind));
            for (const auto& [id, step] : wizard[kind].items()) {
                places.push_back({QStringLiteral("wizard %1").arg(QString::fromStdString(id)),
                                  {{QStringLiteral("intro"), words(wizard["intro"])},
                                   {QStringLiteral("the step"), words(step)}}});
            }
        }
        // The scenario explorer shows one architecture at a time, under its intro.
        const json explorer = readJson(QStringLiteral(":/content/tools/architectures.json"));
        QVERIFY(explorer.contains("architectures"));
        for (const auto& a : explorer["architectures"]) {
            places.push_back({QStringLiteral("scenario explorer, %1")
                                  .arg(QString::fromStdString(a["id"].get<std::string>())),
                              {{QStringLiteral("intro"), words(explorer["intro"])},
                               {QStringLiteral("the architecture"), words(a)}}});
        }
        const json matrix = readJson(QStringLiteral(":/content/tools/matrix.json"));
        QVERIFY(matrix.contains("explain"));
        places.push_back(
            {QStringLiteral("decision matrix"), {{QStringLiteral("the file"), words(matrix)}}});

        QStringList undefined;
        int uses = 0;
        for (const Place& p : places) {
            undefined << undefinedIn(p, uses);
        }
        QVERIFY(uses >= 12); // the terms are in the course: the check looked at something
        QVERIFY2(undefined.isEmpty(), qPrintable(undefined.join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestTermsDefined)
#include "test_terms_defined.moc"
