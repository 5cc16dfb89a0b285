// Presentation slides as a teacher projects them at 1920x1080, in every theme (a fresh tester's
// findings): a chapter's figures use the slide, at a readable size, a tall one cut between its
// parts instead of shrunk to 40% of the width; a chart beside a diagram keeps its labels apart,
// counts keys in whole numbers, and shows its legend whole.
#include "app/presentation/presentation.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/export/paged_figures.h"
#include "widgets/export/paged_text.h"

#include <QAbstractTextDocumentLayout>
#include <QFontInfo>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <cmath>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace {

const std::vector<fg::Theme>& themes() {
    static const std::vector<fg::Theme> all{fg::Theme::light(), fg::Theme::dark(),
                                            fg::Theme::projector()};
    return all;
}

struct Picture {
    QString name;
    QSizeF size;  // on the slide
    qreal shrunk; // how much smaller than laid out (1: not at all)
};

// Every picture of `doc`.
QList<Picture> picturesOf(QTextDocument& doc) {
    QList<Picture> out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (!f.isImageFormat()) {
                continue;
            }
            const QTextImageFormat image = f.toImageFormat();
            const QString name = image.name();
            const QImage img =
                doc.resource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
            // A size in the document: shown at that; the share of its laid-out size it is
            // shown at in a property (it is drawn at the size it is shown).
            const QSizeF shown = image.height() > 0 ? QSizeF(image.width(), image.height())
                                                    : QSizeF(img.size()) / img.devicePixelRatio();
            const qreal share =
                image.hasProperty(fg::kShownShare) ? image.doubleProperty(fg::kShownShare) : 1;
            out.append({name, shown, 1 / share});
        }
    }
    return out;
}

// True when the paragraph `b` shows a picture.
bool hasPicture(const QTextBlock& b) {
    for (auto it = b.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().isImageFormat()) {
            return true;
        }
    }
    return false;
}

// Where two of the axis's tick labels overlap, in words ("" when none).
QString overlappingLabels(QCPAxis* axis) {
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFontMetrics fm(axis->tickLabelFont());
    QList<std::pair<qreal, qreal>> spans; // left, right in pixels
    for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
        const qreal x = axis->coordToPixel(ticks[i]);
        if (x < axis->axisRect()->left() - 1 || x > axis->axisRect()->right() + 1) {
            continue;
        }
        int w = 0;
        for (const QString& line : labels[i].split(QLatin1Char('\n'))) {
            w = std::max(w, fm.horizontalAdvance(line));
        }
        spans.append({x - w / 2.0, x + w / 2.0});
    }
    for (int i = 1; i < spans.size(); ++i) {
        if (spans[i].first < spans[i - 1].second + 2) {
            return QStringLiteral("\"%1\" and \"%2\" overlap")
                .arg(labels[i - 1], labels[i])
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
        }
    }
    return {};
}

// Shows every slide of `kind` of every chapter, in every theme, on a 1920x1080 presentation
// window, and calls `visit(window, theme, slide index)` with it on screen.
template <class Visit>
void forEverySlide(fg::Slide::Kind kind, Visit visit) {
    const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
    for (const fg::Theme& theme : themes()) {
        for (const auto& ch : course.chapters) {
            if (!ch.loaded()) {
                continue;
            }
            auto* w = new fg::PresentationWindow(ch, theme);
            w->resize(1920, 1080);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
            for (int i = 0; i < w->slideCount(); ++i) {
                if (w->slide(i).kind == kind) {
                    w->goTo(i);
                    visit(w, theme, i);
                }
            }
            w->close();
            QTest::qWait(0);
        }
    }
}

// A diagram's page at a 1280x800 desk in the light theme, and the slides presenting it.
struct Presented {
    std::unique_ptr<QWidget> page;
    fg::DiagramView* desk = nullptr;
    QPointer<fg::PresentationWindow> slides; // they delete themselves when closed
    fg::DiagramView* view() const { return slides ? slides->diagramView() : nullptr; }
};

// Opens diagram `id` at the desk and presents it; false when a window did not show.
bool present(const char* id, Presented& out) {
    out.page.reset(fg::createDiagramPage(id, fg::Theme::light(), nullptr));
    out.desk = qobject_cast<fg::DiagramView*>(out.page.get());
    if (!out.desk) {
        return false;
    }
    out.desk->resize(1280, 800);
    out.desk->show();
    if (!QTest::qWaitForWindowExposed(out.desk)) {
        return false;
    }
    out.slides = new fg::PresentationWindow(out.desk, id, fg::Theme::light());
    out.slides->resize(1280, 800);
    out.slides->show();
    return QTest::qWaitForWindowExposed(out.slides) && out.view();
}

// Leaves the slides; true once they are gone.
bool leave(Presented& p) {
    p.slides->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return !p.slides;
}

} // namespace

class TestSlides : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("slides");
        QSettings().clear();
    }

    // A figure on a text slide uses at least 60% of the width or the height its shape allows,
    // and is shown at no less than 80% of the size it was laid out at, in the slide's type,
    // unless one part of it alone is taller than the page (then it takes the page's height).
    // The Kafka cluster and the ways to scale Redis were shrunk to 60% of the width and less,
    // their text 11 to 14 px high: a tall figure is now cut between its parts.
    void everyFigureUsesTheSlide() {
        QStringList faults;
        int figures = 0;
        forEverySlide(
            fg::Slide::Kind::Section, [&](fg::PresentationWindow* w, const fg::Theme& theme, int) {
                for (const Picture& p : picturesOf(*w->slideDocument())) {
                    ++figures;
                    const qreal used = std::max(p.size.width() / 1920, p.size.height() / 1080);
                    // Shrunk only when a part of it alone is taller than the page.
                    const qreal page = w->slideDocument()->pageSize().height();
                    if (used < 0.6 || (p.shrunk > 1.25 && p.size.height() < 0.85 * page)) {
                        faults << QStringLiteral("%1, %2: %3 is %4x%5 (%6%), shrunk %7x")
                                      .arg(theme.name(), w->windowTitle(), p.name)
                                      .arg(p.size.width(), 0, 'f', 0)
                                      .arg(p.size.height(), 0, 'f', 0)
                                      .arg(used * 100, 0, 'f', 0)
                                      .arg(p.shrunk, 0, 'f', 2);
                    }
                }
            });
        QVERIFY(figures > 10);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    // A fresh tester paged through text slides filled a third to a half ("Normalized vs
    // Denormalized": five pages of 718, 433, 767, 427+509 and 182 px on 1016 px pages): each
    // figure was cut into pieces of a page each, the next figure always starting a page of its
    // own. On every section slide of every chapter, in every theme, no page but the last is left
    // more than half empty when what starts the next page is a figure (a figure fills the room,
    // set a little smaller or cut between its parts, as a book sets it), and a section takes no
    // more pages than its text and figures need.
    void textSlidesFillTheirPages() {
        QStringList faults;
        int pages = 0;
        forEverySlide(fg::Slide::Kind::Section, [&](fg::PresentationWindow* w,
                                                    const fg::Theme& theme, int i) {
            QTextDocument* doc = w->slideDocument();
            const qreal pageH = doc->pageSize().height();
            const std::vector<fg::Flow> flow = fg::flowOf(*doc);
            const int count = doc->pageCount();
            pages += count;
            for (int page = 0; page + 1 < count; ++page) {
                qreal bottom = page * pageH;
                const fg::Flow* next = nullptr;
                for (const fg::Flow& f : flow) {
                    if (std::floor(f.rect.top() / pageH) == page) {
                        bottom = std::max(bottom, f.rect.bottom());
                    } else if (!next && f.rect.top() >= (page + 1) * pageH) {
                        next = &f;
                    }
                }
                const qreal full = (bottom - page * pageH) / pageH;
                const bool figureNext = next && !next->frame && hasPicture(next->block);
                if (figureNext && full < 0.5) {
                    faults << QStringLiteral("%1, %2: page %3 of %4 is %5% full, a figure "
                                             "on the next")
                                  .arg(theme.name(), w->slide(i).title)
                                  .arg(page + 1)
                                  .arg(count)
                                  .arg(full * 100, 0, 'f', 0);
                }
            }
        });
        QVERIFY(pages > 40);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 20).join(QLatin1Char('\n'))));
    }

    // A fresh tester: a chapter's title slide was its title and its summary in the body's type
    // on the top fifth, the rest blank. On every chapter's title slide, in every theme, the
    // summary is larger than the body, every section is listed (its live diagrams named), all
    // on one page, and the whole is held down from the top edge.
    void theTitleSlideSaysWhatTheChapterHolds() {
        QStringList faults;
        int slides = 0;
        forEverySlide(fg::Slide::Kind::Title, [&](fg::PresentationWindow* w, const fg::Theme& theme,
                                                  int) {
            ++slides;
            QTextDocument* doc = w->slideDocument();
            const fg::Chapter& ch = w->chapter();
            const QString where = theme.name() + QStringLiteral(", ") + ch.title;
            const QString text = doc->toPlainText();
            for (const fg::Section& s : ch.sections) {
                if (!text.contains(s.title)) {
                    faults << where + QStringLiteral(": no \"%1\"").arg(s.title);
                }
                for (const auto& b : s.blocks) {
                    const auto* d =
                        b.value("type", std::string()) == "diagram"
                            ? fg::liveDiagram(QString::fromStdString(b.value("id", std::string())))
                            : nullptr;
                    if (d && !text.contains(d->pictureTitle())) {
                        faults << where + QStringLiteral(": no \"%1\"").arg(d->pictureTitle());
                    }
                }
            }
            if (doc->pageCount() != 1) {
                faults << where + QStringLiteral(": %1 pages").arg(doc->pageCount());
            }
            for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
                if (b.text().startsWith(ch.summary.left(20))) {
                    const QFont f = b.begin().fragment().charFormat().font();
                    const qreal px =
                        f.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * w->logicalDpiY() / 72;
                    if (px < 1.15 * w->bodyPx()) {
                        faults << where + QStringLiteral(": the summary is %1 px, the body %2")
                                              .arg(px)
                                              .arg(w->bodyPx());
                    }
                }
            }
            const qreal top = doc->documentLayout()->blockBoundingRect(doc->begin()).top();
            if (top < 0.08 * doc->pageSize().height()) {
                faults << where + QStringLiteral(": the title is %1 px from the top").arg(top);
            }
        });
        QCOMPARE(slides, 3 * 12);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 20).join(QLatin1Char('\n'))));
    }

    // A fresh tester: on the Key Patterns slide "1. Cache-aside (lazy loading)" was small bold
    // text over body text twice its size. On every section slide of every chapter, in every
    // theme, a heading's letters are larger than the body's.
    void headingsOnSlidesAreLargerThanTheirText() {
        QStringList faults;
        int headings = 0;
        forEverySlide(
            fg::Slide::Kind::Section, [&](fg::PresentationWindow* w, const fg::Theme& theme, int) {
                const QTextDocument* doc = w->slideDocument();
                const qreal body = w->bodyPx() * 0.8; // the least a slide sets it at
                for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
                    if (b.blockFormat().headingLevel() != 3) {
                        continue;
                    }
                    ++headings;
                    const QFont f = b.begin().fragment().charFormat().font();
                    const qreal px =
                        f.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * w->logicalDpiY() / 72;
                    if (px <= body) {
                        faults << QStringLiteral("%1, %2: \"%3\" is %4 px, the text %5 px")
                                      .arg(theme.name(), w->windowTitle(), b.text())
                                      .arg(px)
                                      .arg(w->bodyPx());
                    }
                }
            });
        QVERIFY(headings > 5);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    // A fresh tester read slide titles that began with " \u2014 Core Identity": the diagram's name
    // was cut off. On every diagram slide, at 1280x800 and 1920x1080 in every theme, the title
    // says the diagram's whole name and the section's, cut nowhere, and all of it fits its label.
    void everyDiagramSlideTitleIsWhole() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        QStringList faults;
        int titles = 0;
        for (const QSize screen : {QSize(1280, 800), QSize(1920, 1080)}) {
            for (const fg::Theme& theme : themes()) {
                for (const auto& ch : course.chapters) {
                    if (!ch.loaded() || ch.diagramIds().isEmpty()) {
                        continue;
                    }
                    auto* w = new fg::PresentationWindow(ch, theme);
                    w->resize(screen);
                    w->show();
                    QVERIFY(QTest::qWaitForWindowExposed(w));
                    for (int i = 0; i < w->slideCount(); ++i) {
                        const fg::Slide& slide = w->slide(i);
                        if (slide.kind != fg::Slide::Kind::Diagram) {
                            continue;
                        }
                        w->goTo(i);
                        QCoreApplication::processEvents();
                        ++titles;
                        const QLabel* title = w->slideTitle();
                        const QString name = fg::liveDiagram(slide.diagramId)->title();
                        const QString where = QStringLiteral("%1x%2 %3, %4 slide %5")
                                                  .arg(screen.width())
                                                  .arg(screen.height())
                                                  .arg(theme.name(), ch.id)
                                                  .arg(i + 1);
                        const QString text = title->text();
                        if (!text.startsWith(name) || !text.contains(slide.title) ||
                            text.contains(QChar(0x2026))) {
                            faults << QStringLiteral("%1: the title reads \"%2\"").arg(where, text);
                            continue;
                        }
                        const QRect needs = title->fontMetrics().boundingRect(
                            title->contentsRect(), Qt::TextWordWrap | int(title->alignment()),
                            text);
                        if (!title->contentsRect().contains(needs) ||
                            title->geometry().right() > w->timerRect().left()) {
                            faults << QStringLiteral("%1: \"%2\" needs %3x%4 px, its label is "
                                                     "%5x%6")
                                          .arg(where, text)
                                          .arg(needs.width())
                                          .arg(needs.height())
                                          .arg(title->contentsRect().width())
                                          .arg(title->contentsRect().height());
                        }
                    }
                    w->close();
                    QTest::qWait(0);
                }
            }
        }
        QVERIFY(titles >= 30);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    // Every chart of a diagram slide at 1920x1080, in every theme: its tick labels, axis titles
    // and legend are at least 0.8 of the slide's body text, 24 px at 1080p (18 pt, the least
    // type a projected slide uses): they were the desk's 12 px, 0.4 of it, and the back of a
    // room could not read B-Tree vs LSM's axes. The charts take the slide's width under the
    // drawing (the LSM-tree's amplification chart stood in a column a quarter of it wide); a
    // drawing limited by its height that would then be too small for the slide has its chart
    // beside it, a third of the slide wide (30% and more) and its whole height. Also saved to look
    // at when FG_SLIDE_DIR names a folder.
    void chartsOnSlidesAreReadFromTheBackOfTheRoom() {
        const QString keep = qEnvironmentVariable("FG_SLIDE_DIR");
        QStringList faults;
        int charts = 0;
        forEverySlide(fg::Slide::Kind::Diagram, [&](fg::PresentationWindow* w,
                                                    const fg::Theme& theme, int i) {
            if (auto* page = qobject_cast<fg::BTreeVsLsmView*>(w->diagramPage())) {
                page->waitForRun(); // its charts hold the run's curves
            }
            if (fg::DiagramView* view = w->diagramView()) {
                view->panel()->player()->seek(view->panel()->player()->stepCount() - 1);
                if (view->chart() && !view->chartShown()) {
                    QTest::keyClick(w, Qt::Key_C); // a chart hidden for the drawing's room
                }
            }
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QTest::qWait(50);
            const QString id = w->slide(i).diagramId;
            const QList<QCustomPlot*> plots = w->diagramPage()->findChildren<QCustomPlot*>();
            QRect span;
            for (QCustomPlot* chart : plots) {
                ++charts;
                chart->replot(QCustomPlot::rpImmediateRefresh);
                span |= QRect(chart->mapTo(w, QPoint(0, 0)), chart->size());
                const QString where = QStringLiteral("%1, %2: ").arg(theme.name(), id);
                for (QCPAxis* axis : {chart->xAxis, chart->yAxis}) {
                    const int ticks = QFontInfo(axis->tickLabelFont()).pixelSize();
                    const int title = QFontInfo(axis->labelFont()).pixelSize();
                    if (std::min(ticks, title) < 0.8 * w->bodyPx() - 0.5) {
                        faults << where + QStringLiteral("an axis's labels %1 px, its "
                                                         "title %2 px, the body %3 px")
                                              .arg(ticks)
                                              .arg(title)
                                              .arg(w->bodyPx());
                    }
                }
                if (QFontInfo(chart->legend->font()).pixelSize() < 0.8 * w->bodyPx() - 0.5) {
                    faults << where + QStringLiteral("the legend is small");
                }
                if (const QString o = overlappingLabels(chart->xAxis); !o.isEmpty()) {
                    faults << where + o;
                }
            }
            const bool beside = span.height() > 0.6 * w->height();
            if (!plots.isEmpty() &&
                (beside ? span.width() < 0.3 * w->width() : span.width() < 0.9 * w->width())) {
                faults << QStringLiteral("%1, %2: the charts are %3x%4 px on the "
                                         "slide's %5x%6")
                              .arg(theme.name(), id)
                              .arg(span.width())
                              .arg(span.height())
                              .arg(w->width())
                              .arg(w->height());
            }
            if (!keep.isEmpty()) {
                w->grab().save(QStringLiteral("%1/%2-%3.png").arg(keep, theme.name(), id));
            }
        });
        QVERIFY(charts >= 5);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    // A run presented from its tab says which it is: a preset's title after the diagram's
    // short name (the slide said "B-Tree: inserts, splits, search and range" over PostgreSQL's
    // B+-tree: tester 42); once the run is edited, the diagram's title alone.
    void aPresetPresentedFromItsTabIsNamed() {
        std::unique_ptr<QWidget> page(fg::createDiagramPage("btree", fg::Theme::light(), nullptr));
        auto* desk = qobject_cast<fg::DiagramView*>(page.get());
        QVERIFY(desk);
        const QList<QAction*> presets = desk->presetActions();
        const auto pg = std::find_if(presets.begin(), presets.end(), [](QAction* a) {
            return a->text().startsWith(QLatin1String("PostgreSQL"));
        });
        QVERIFY(pg != presets.end());
        (*pg)->trigger();
        auto* w = new fg::PresentationWindow(desk, QStringLiteral("btree"), fg::Theme::light());
        w->resize(1280, 800);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString title = w->slideTitle()->text();
        QVERIFY2(title.startsWith(fg::liveDiagram(QStringLiteral("btree"))->pictureTitle()) &&
                     title.contains((*pg)->text()),
                 qPrintable(title));
        w->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        // Its order changed (the keys replayed): still the preset's run, said changed (the
        // title went back to the diagram's name alone: tester 44).
        QSpinBox* order = nullptr;
        for (auto* box : desk->findChildren<QSpinBox*>()) {
            if (box->accessibleName().contains(QLatin1String("rder"))) {
                order = box;
            }
        }
        QVERIFY(order);
        order->setValue(order->value() + 1);
        QTRY_VERIFY(desk->scenarioTitle().contains(QLatin1String("(changed)")));
        auto* changed =
            new fg::PresentationWindow(desk, QStringLiteral("btree"), fg::Theme::light());
        changed->show();
        QVERIFY2(changed->slideTitle()->text().contains((*pg)->text()) &&
                     changed->slideTitle()->text().endsWith(QLatin1String("(changed)")),
                 qPrintable(changed->slideTitle()->text()));
        changed->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        // An animation exported, and the opening said before the first step, name it alike
        // (they named the preset's run alone after the change).
        QVERIFY(desk->exportable()->scenarioTitle.endsWith(QLatin1String("(changed)")));
        desk->panel()->player()->toStart();
        QVERIFY2(desk->panel()->narration().contains(QLatin1String("(changed)")),
                 qPrintable(desk->panel()->narration()));
        QVERIFY(desk->loadScenario(nlohmann::json::parse(
            R"({"engine": "btree", "params": {"order": 4}, "ops": [{"op": "insert", "key": 1}]})")));
        auto* plain = new fg::PresentationWindow(desk, QStringLiteral("btree"), fg::Theme::light());
        plain->show();
        QCOMPARE(plain->slideTitle()->text(), fg::liveDiagram(QStringLiteral("btree"))->title());
        plain->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // A tester at the back of the room: the Kafka cluster's labels were ~13 px on a 1920x1080
    // slide beside its 26 px caption, half the slide empty (the drawing three and a half times
    // as wide as high). Every live diagram presented from its tab (F5) in every theme, with its
    // scenario, each preset, and for Kafka the tester's run (every log full, two groups, a
    // broker down): at its first and last step, the median letters of the drawing are at least
    // 0.55 of the slide's body text (16.5 px at 1080p, 0.6 of the caption under it). The
    // 100,000-key B-Tree's were ~15 px: its rows' context stood as far out as the widest row.
    void everyDrawingOnASlideIsReadFromTheBackOfTheRoom() {
        const QString keep = qEnvironmentVariable("FG_SLIDE_DIR");
        const nlohmann::json fullKafka = nlohmann::json::parse(R"({"engine": "kafka",
            "params": {"topics": {"orders": 3}, "brokers": 3, "replication": 2,
                       "partitioner": "sticky", "assignor": "range"},
            "ops": [{"op": "produce", "topic": "orders", "key": "user-1", "value": "v"},
                    {"op": "produce", "topic": "orders", "value": "v", "count": 40},
                    {"op": "join", "group": "orders-app", "consumer": "C0"},
                    {"op": "join", "group": "orders-app", "consumer": "C1"},
                    {"op": "join", "group": "analytics", "consumer": "A0"},
                    {"op": "fail-broker", "broker": 1},
                    {"op": "produce", "topic": "orders", "value": "v", "count": 14}]})");
        // Tester 42's: the PostgreSQL preset's 36 keys at order 5, eight leaves wide (its keys
        // were 12 px high at step 85, 60% of the slide empty).
        nlohmann::json wideTree = nlohmann::json::parse(R"({"engine": "btree",
            "params": {"order": 5, "variant": "bplus"}, "ops": []})");
        for (int k = 1; k <= 36; ++k) {
            wideTree["ops"].push_back({{"op", "insert"}, {"key", k}});
        }
        QStringList faults;
        int runs = 0;
        for (const fg::Theme& theme : themes()) {
            for (const fg::LiveDiagram& d : fg::liveDiagrams()) {
                if (!d.makeSource) {
                    continue; // B-Tree vs LSM: charts, measured above
                }
                std::unique_ptr<QWidget> page(fg::createDiagramPage(d.id, theme, nullptr));
                auto* desk = qobject_cast<fg::DiagramView*>(page.get());
                QVERIFY(desk);
                // Its scenario (-1), each preset, then Kafka's full run.
                const QList<QAction*> presets = desk->presetActions();
                for (int run = -1; run <= presets.size(); ++run) {
                    QString name = QStringLiteral("its scenario");
                    if (run >= 0 && run < presets.size()) {
                        presets[run]->trigger();
                        name = presets[run]->text();
                    } else if (run == presets.size()) {
                        if (d.id == QLatin1String("kafka")) {
                            QVERIFY(desk->loadScenario(fullKafka));
                            name = QStringLiteral("every log full");
                        } else if (d.id == QLatin1String("btree")) {
                            QVERIFY(desk->loadScenario(wideTree));
                            name = QStringLiteral("36 keys at order 5");
                        } else {
                            continue;
                        }
                    }
                    ++runs;
                    auto* w = new fg::PresentationWindow(desk, d.id, theme);
                    w->resize(1920, 1080);
                    w->show();
                    QVERIFY(QTest::qWaitForWindowExposed(w));
                    fg::DiagramView* view = w->diagramView();
                    QVERIFY(view);
                    fg::Player* player = view->panel()->player();
                    for (const int step : {0, player->stepCount() - 1}) {
                        player->seek(step);
                        QTest::qWait(20);
                        const qreal letters = medianLetters(*view->panel()->canvas());
                        if (!keep.isEmpty()) {
                            w->grab().save(QStringLiteral("%1/%2-%3-%4-%5.png")
                                               .arg(keep, theme.name(), d.id)
                                               .arg(run + 1)
                                               .arg(step));
                        }
                        if (letters > 0 && letters < 0.55 * w->bodyPx()) {
                            faults << QStringLiteral("%1, %2 (%3) at step %4: letters %5 px, "
                                                     "the body %6 px")
                                          .arg(theme.name(), d.id, name)
                                          .arg(step)
                                          .arg(letters, 0, 'f', 1)
                                          .arg(w->bodyPx());
                        }
                    }
                    w->close(); // deletes itself
                    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                }
            }
        }
        QVERIFY(runs >= 3 * 20);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    // A tester at 1280x800: the 30-key B-Tree's keys were smaller on the slide (F5) than on the
    // page at the desk (the page's margins inside the slide's: 15.9 px against 16.3). At the
    // same size, every diagram, its scenario and every preset, at its last step, is drawn as
    // large on the slide, but for the slide's own margin (2%). With its chart under it, the
    // LSM-tree's letters were 0.83 of the desk's (the slide's larger narration and chart).
    void aDiagramOnASlideIsAtLeastAsLargeAsAtTheDesk() {
        QStringList faults;
        for (const fg::LiveDiagram& d : fg::liveDiagrams()) {
            if (!d.makeSource) {
                continue;
            }
            std::unique_ptr<QWidget> page(fg::createDiagramPage(d.id, fg::Theme::light(), nullptr));
            auto* desk = qobject_cast<fg::DiagramView*>(page.get());
            QVERIFY(desk);
            desk->resize(1280, 800);
            desk->show();
            QVERIFY(QTest::qWaitForWindowExposed(desk));
            const QList<QAction*> presets = desk->presetActions();
            for (int run = -1; run < presets.size(); ++run) {
                if (run >= 0) {
                    presets[run]->trigger();
                }
                fg::Player* player = desk->panel()->player();
                player->seek(player->stepCount() - 1);
                QTest::qWait(20);
                const qreal atDesk = medianLetters(*desk->panel()->canvas());
                auto* w = new fg::PresentationWindow(desk, d.id, fg::Theme::light());
                w->resize(1280, 800);
                w->show();
                QVERIFY(QTest::qWaitForWindowExposed(w));
                fg::DiagramView* view = w->diagramView();
                view->panel()->player()->seek(view->panel()->player()->stepCount() - 1);
                QTest::qWait(20);
                const qreal onSlide = medianLetters(*view->panel()->canvas());
                if (onSlide < 0.98 * atDesk) {
                    faults << QStringLiteral("%1, %2: %3 px on the slide, %4 px at the desk")
                                  .arg(d.id, run < 0 ? QStringLiteral("its scenario")
                                                     : presets[run]->text())
                                  .arg(onSlide, 0, 'f', 2)
                                  .arg(atDesk, 0, 'f', 2);
                }
                w->close(); // deletes itself
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            }
        }
        QVERIFY2(faults.isEmpty(), qPrintable(faults.join(QLatin1Char('\n'))));
    }

    // The LSM-tree's chart would leave its drawing too little room on a 1280x800 slide: it starts
    // hidden, a line says that C shows it; C shows it and hides it again; back at the desk it is
    // there.
    void cShowsAChartTheSlideHid() {
        Presented p;
        QVERIFY(present("lsm", p));
        fg::DiagramView* desk = p.desk;
        QVERIFY(desk->chart());
        fg::PresentationWindow* w = p.slides;
        fg::DiagramView* view = p.view();
        const auto hint = [view] {
            for (const QLabel* l : view->findChildren<QLabel*>()) {
                if (l->accessibleDescription() == QLatin1String("Chart hidden")) {
                    return l->isVisible() && l->text().contains(QLatin1String("C shows"));
                }
            }
            return false;
        };
        QVERIFY(!view->chartShown());
        QVERIFY(hint());
        const qreal hidden = medianLetters(*view->panel()->canvas());
        QTest::keyClick(w, Qt::Key_C);
        QTest::qWait(20);
        QVERIFY(view->chartShown());
        QVERIFY(view->chart()->isVisible() && view->chart()->height() > 100);
        QVERIFY(!hint());
        QVERIFY(medianLetters(*view->panel()->canvas()) < hidden);
        QTest::keyClick(w, Qt::Key_C);
        QTest::qWait(20);
        QVERIFY(!view->chartShown());
        QVERIFY(hint());
        QVERIFY(leave(p));
        QVERIFY(desk->chartShown() && desk->chart()->isVisible());
    }

    // A teacher pressed Space on a diagram's slide to watch it play and got one step (Space goes
    // forward there, as in Keynote). P plays and pauses it, and the slide's opening says so.
    // Tester 45: Ctrl+= and Ctrl+- on a diagram's slide changed its speed; they zoom it, as on
    // its page, and Ctrl+0 fits it again; the speed stays.
    void ctrlPlusZoomsADiagramsSlide() {
        Presented p;
        QVERIFY(present("btree", p));
        fg::DiagramCanvas* canvas = p.view()->panel()->canvas();
        fg::Player* player = p.view()->panel()->player();
        const qreal speed = player->speed(), zoom = canvas->zoom();
        QTest::keyClick(p.slides, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY2(canvas->zoom() > zoom, qPrintable(QString::number(canvas->zoom())));
        QTest::keyClick(p.slides, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(p.slides, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(canvas->zoom() < zoom);
        QTest::keyClick(p.slides, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(canvas->zoom(), zoom);
        QCOMPARE(player->speed(), speed);
    }

    void pPlaysADiagramOnASlide() {
        Presented p;
        QVERIFY(present("btree", p));
        fg::PresentationWindow* w = p.slides;
        fg::DiagramView* view = p.view();
        fg::Player* player = view->panel()->player();
        QTest::keyClick(w, Qt::Key_Home);
        player->pause();
        QVERIFY2(view->panel()->narration().contains("P to play"),
                 qPrintable(view->panel()->narration()));
        QTest::keyClick(w, Qt::Key_P);
        QVERIFY(player->isPlaying());
        QTest::keyClick(w, Qt::Key_P);
        QVERIFY(!player->isPlaying());
        QVERIFY(leave(p));
    }

    // The chart of a diagram slide (beside the drawing or under it): its horizontal labels never
    // overlap, the Redis histogram counts keys in whole numbers (it read "0.25 keys"), and the
    // legend is whole in the chart (the LSM-tree's was cut beside the drawing).
    void chartsOnSlidesKeepTheirLabels() {
        QStringList faults;
        int charts = 0;
        forEverySlide(fg::Slide::Kind::Diagram, [&](fg::PresentationWindow* w,
                                                    const fg::Theme& theme, int i) {
            fg::DiagramView* view = w->diagramView();
            QCustomPlot* chart = view ? view->chart() : nullptr;
            if (!chart) {
                return;
            }
            ++charts;
            if (!view->chartShown()) {
                QTest::keyClick(w, Qt::Key_C); // a chart hidden for the drawing's room
            }
            fg::Player* player = view->panel()->player();
            for (const int pos : {0, player->stepCount() - 1}) {
                player->seek(pos);
                QCoreApplication::processEvents();
                chart->replot(QCustomPlot::rpImmediateRefresh);
                const QString where = QStringLiteral("%1, %2 step %3: ")
                                          .arg(theme.name(), w->slide(i).diagramId)
                                          .arg(pos);
                if (const QString o = overlappingLabels(chart->xAxis); !o.isEmpty()) {
                    faults << where + o;
                }
                if (w->slide(i).diagramId == QLatin1String("hashslot")) {
                    for (const double v : chart->yAxis->tickVector()) {
                        if (std::abs(v - std::round(v)) > 1e-9) {
                            faults << where + QStringLiteral("a tick at %1 keys").arg(v);
                        }
                    }
                }
                if (chart->legend->visible() && chart->legend->itemCount() > 0) {
                    const QRect legend = chart->legend->outerRect();
                    if (!chart->rect().contains(legend) ||
                        chart->legend->minimumOuterSizeHint().width() > legend.width() + 1) {
                        faults << where + QStringLiteral("the legend is cut");
                    }
                }
            }
        });
        QVERIFY(charts >= 3);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestSlides)
#include "test_slides.moc"
