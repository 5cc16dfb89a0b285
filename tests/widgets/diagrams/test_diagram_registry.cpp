// The diagram registry: every row builds what it promises (its default scenario, the source that
// scenario describes, its page, the picture `fieldguide export --chapter` draws), ids are unique,
// every engine a row draws is one the scenario table knows, every live diagram a chapter of the
// shipped course places is registered, and every registered one is placed in a chapter.
#include "engines/scenario/scenario.h"
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/canvas/page.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/playback/player.h"

#include <QImage>
#include <QPainter>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

class TestDiagramRegistry : public QObject {
    Q_OBJECT
private slots:
    void idsAndEnginesAreUnique() {
        QVERIFY(!fg::liveDiagrams().empty());
        QSet<QString> ids;
        QSet<QString> engines;
        for (const auto& d : fg::liveDiagrams()) {
            QVERIFY2(!d.id.isEmpty(), "a row without an id");
            QVERIFY2(!ids.contains(d.id), qPrintable(d.id + " is registered twice"));
            ids.insert(d.id);
            if (!d.engine.empty()) {
                const QString engine = QString::fromStdString(d.engine);
                QVERIFY2(!engines.contains(engine), qPrintable(engine + " is drawn twice"));
                engines.insert(engine);
            }
            QCOMPARE(fg::liveDiagram(d.id), &d);
        }
        QVERIFY(!fg::liveDiagram(QStringLiteral("no-such-diagram")));
        QVERIFY(!fg::liveDiagramOfEngine("no-such-engine"));
        QVERIFY(!fg::liveDiagramOfEngine(""));
    }

    void everyRowIsWhole() {
        const auto& engines = fg::scenario::engineNames();
        for (const auto& d : fg::liveDiagrams()) {
            const QByteArray id = d.id.toUtf8();
            QVERIFY2(!d.title().isEmpty(), id);
            QVERIFY2(!d.pictureTitle().isEmpty(), id);
            QVERIFY2(d.makePage, id);
            if (d.hasSteps()) {
                // A diagram with steps draws an engine of the scenario table, is called by its
                // name (its page knows itself by it), and opens on a scenario of its own.
                QVERIFY2(std::find(engines.begin(), engines.end(), d.engine) != engines.end(), id);
                QCOMPARE(d.id, QString::fromStdString(d.engine));
                QCOMPARE(fg::liveDiagramOfEngine(d.engine), &d);
                QVERIFY2(!d.defaultScenario.isEmpty(), id);
            } else {
                QVERIFY2(d.engine.empty(), id);
                QVERIFY2(d.defaultScenario.isEmpty(), id);
            }
        }
    }

    void everyDefaultScenarioBuildsItsSource() {
        for (const auto& d : fg::liveDiagrams()) {
            if (!d.hasSteps()) {
                continue;
            }
            const QByteArray id = d.id.toUtf8();
            fg::Status st;
            const nlohmann::json scenario = fg::defaultScenario(d.id, st);
            QVERIFY2(st, qPrintable(id + ": " + QString::fromStdString(st.message())));
            QCOMPARE(scenario.value("engine", std::string()), d.engine);
            const auto source = d.makeSource(scenario, st, std::nullopt);
            QVERIFY2(source && st, qPrintable(id + ": " + QString::fromStdString(st.message())));
            QVERIFY2(source->stepCount() > 0, id);
            // makeDiagramSource finds the same row by the scenario's engine.
            const auto again = fg::makeDiagramSource(scenario, st);
            QVERIFY2(again && st, id);
            QCOMPARE(again->stepCount(), source->stepCount());
            QCOMPARE(fg::diagramTitle(d.engine), d.pictureTitle());
        }
    }

    // Issue 14, item 2: a source built for one picture (an export) draws that position exactly as
    // the whole timeline does, for every diagram, at the last step and at a step on the way.
    void aSourceKeptForOnePictureDrawsTheSame() {
        for (const auto& d : fg::liveDiagrams()) {
            if (!d.hasSteps()) {
                continue;
            }
            const QByteArray id = d.id.toUtf8();
            fg::Status st;
            const nlohmann::json scenario = fg::defaultScenario(d.id, st);
            const auto all = d.makeSource(scenario, st, std::nullopt);
            QVERIFY2(all && st, id);
            const int last = all->stepCount() - 1;
            for (const int position : {fg::KeepOnly::kLast, last / 2, 0}) {
                const auto one = d.makeSource(scenario, st, fg::KeepOnly{position});
                QVERIFY2(one && st, id);
                QCOMPARE(one->stepCount(), all->stepCount());
                const int at = position == fg::KeepOnly::kLast ? last : position;
                QCOMPARE(one->narration(at), all->narration(at));
                const fg::Theme theme = fg::Theme::light();
                auto draw = [&](const fg::DiagramSource& source) {
                    QImage img(640, 360, QImage::Format_ARGB32_Premultiplied);
                    img.fill(Qt::white);
                    QPainter p(&img);
                    fg::paintDiagramPicture(p, QSizeF(640, 360), source.frame(at, theme),
                                            source.narration(at), theme);
                    return img;
                };
                QVERIFY2(draw(*one) == draw(*all), qPrintable(id + " at " + QString::number(at)));
                // It kept that one position: another one is refused, not drawn wrong.
                if (at > 0) {
                    QVERIFY_THROWS_EXCEPTION(std::out_of_range, one->frame(at - 1, theme));
                }
            }
        }
    }

    void everyRowBuildsItsPage() {
        for (const auto& d : fg::liveDiagrams()) {
            const QByteArray id = d.id.toUtf8();
            std::unique_ptr<QWidget> widget(
                fg::createDiagramPage(d.id, fg::Theme::dark(), nullptr));
            QVERIFY2(widget, id);
            fg::Page* page = fg::pageOf(widget.get());
            QVERIFY2(page, id);
            QCOMPARE(page->pageTitle(), d.title());
            widget->resize(960, 600);
            const auto exportable = page->exportable();
            QVERIFY2(exportable, id);
            QVERIFY2(exportable->picture, id);
            auto* view = qobject_cast<fg::DiagramView*>(widget.get());
            QCOMPARE(view != nullptr, d.hasSteps());
            if (view) {
                QCOMPARE(std::string(view->engineName()), d.engine);
                QVERIFY2(exportable->source && exportable->source->stepCount() > 0, id);
                // The page opened on its default scenario: no message about a broken one.
                QVERIFY2(view->panel()->player()->stepCount() > 0, id);
            }
        }
        QVERIFY(
            !fg::createDiagramPage(QStringLiteral("no-such-diagram"), fg::Theme::light(), nullptr));
    }

    void everyRowHasADefaultPicture() {
        for (const auto& d : fg::liveDiagrams()) {
            const QByteArray id = d.id.toUtf8();
            fg::Status st;
            const fg::PaintFunction paint = fg::defaultPicture(d, fg::Theme::light(), st);
            QVERIFY2(paint && st, qPrintable(id + ": " + QString::fromStdString(st.message())));
            QImage image(320, 180, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            {
                QPainter p(&image);
                paint(p, QSizeF(image.size()));
            }
            bool drawn = false;
            for (int y = 0; y < image.height() && !drawn; ++y) {
                for (int x = 0; x < image.width() && !drawn; ++x) {
                    drawn = image.pixel(x, y) != qRgb(255, 255, 255);
                }
            }
            QVERIFY2(drawn, qPrintable(id + ": the picture is blank"));
        }
    }

    void theCourseLinksAreTheRows() {
        const fg::DiagramLinks& links = fg::diagramLinks();
        QCOMPARE(links.size(), fg::liveDiagrams().size());
        for (std::size_t i = 0; i < links.size(); ++i) {
            QCOMPARE(links[i].id, fg::liveDiagrams()[i].id);
            QCOMPARE(links[i].title, fg::liveDiagrams()[i].title());
        }
    }

    void everyDiagramAChapterPlacesIsRegistered() {
        const fg::Course course =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        QStringList errors;
        for (const auto& e : course.errors) {
            errors << e.toString();
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QSet<QString> placed;
        for (const auto& ch : course.chapters) {
            for (const QString& id : ch.diagramIds()) {
                QVERIFY2(fg::liveDiagram(id), qPrintable(ch.id + " places " + id));
                placed.insert(id);
            }
        }
        // and the other way: the registry has no row that no chapter shows (a chapter's
        // "diagram" block is how a diagram is linked to its chapters; the row has no such field)
        for (const auto& d : fg::liveDiagrams()) {
            QVERIFY2(placed.contains(d.id), qPrintable(d.id + " is placed in no chapter"));
        }
    }

    // A 300-character consumer's name in a picture's caption ran past both edges of the
    // picture: a long word is shortened there as under the drawing on screen.
    void aPicturesCaptionStaysInsideItsMargins() {
        const QSize size(1280, 720);
        QImage img(size, QImage::Format_RGB32);
        img.fill(Qt::white);
        {
            QPainter p(&img);
            fg::paintDiagramPicture(p, QSizeF(size), fg::Frame{},
                                    QStringLiteral("%1 joins the group.").arg(QString(300, 'C')),
                                    fg::Theme::light());
        }
        // The tenth of the picture at each side stays blank (it was the 300 C's, cut).
        const int side = size.width() / 10;
        for (int y = 0; y < size.height(); ++y) {
            for (int x : {side / 2, side, size.width() - side, size.width() - side / 2}) {
                QVERIFY2(img.pixel(x, y) == qRgb(255, 255, 255),
                         qPrintable(QStringLiteral("ink at %1,%2").arg(x).arg(y)));
            }
        }
    }

    void aScenarioWithoutAnEngineNamesTheEnginesWithSteps() {
        fg::Status st;
        QVERIFY(!fg::makeDiagramSource(nlohmann::json::object(), st));
        const QString message = QString::fromStdString(st.message());
        QVERIFY2(message.contains(QLatin1String("expected the engine's name: one of ")),
                 qPrintable(message));
        for (const auto& d : fg::liveDiagrams()) {
            if (d.hasSteps()) {
                QVERIFY2(message.contains(QString::fromStdString(d.engine)), qPrintable(message));
            }
        }
    }
};

FG_TEST_MAIN(TestDiagramRegistry)
#include "test_diagram_registry.moc"
