// Every text colour the course and the themes use is readable against what it is drawn on: WCAG
// contrast at least 4.5:1 in Light and Dark and 7:1 in Projector, computed from the colours. It
// covers the window's palette, the reader's text of every chapter (headings, callouts, notes,
// links, marks, tables, diagram cards) and every figure of every chapter (titles, panels,
// callouts, marks, labels), each text against the box or page under it.
#include "app/app_theme.h"
#include "app/reader/chapter_html.h"
#include "models/course/content_loader.h"
#include "models/theme/colour_vision.h"
#include "tests/suite_main.h"
#include "widgets/canvas/page.h"
#include "widgets/controls/tab_bar.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/figure/figure_layout.h"
#include "widgets/simulators/simulators.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextTable>
#include <array>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace {

struct Check {
    QStringList failures;
    int pairs = 0;

    void pair(const fg::Theme& t, const QColor& fg, const QColor& bg, const QString& where) {
        ++pairs;
        const qreal ratio = fg::contrastRatio(fg, bg);
        if (ratio + 1e-9 < t.minTextContrast()) {
            failures << QStringLiteral("%1: %2 on %3 is %4:1 (needs %5:1): %6")
                            .arg(t.name(), fg.name(), bg.name())
                            .arg(ratio, 0, 'f', 2)
                            .arg(t.minTextContrast())
                            .arg(where);
        }
    }
    QString report() const {
        return QStringLiteral("%1 of %2 text colours too faint:\n")
                   .arg(failures.size())
                   .arg(pairs) +
               failures.mid(0, 25).join(QLatin1Char('\n'));
    }
};

const fg::Theme kThemes[] = {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()};

// How far apart two colours look to a reader with vision `v` (CIE76 in CIELAB, where ~2 is
// just noticeable and 40 is plainly another colour; models/theme/colour_vision.h simulates
// Machado, Oliveira & Fernandes 2009).
using Vision = fg::ColourVision;

double colourDistance(const QColor& a, const QColor& b, Vision v) {
    return fg::cie76(fg::labAsSeen(a, v), fg::labAsSeen(b, v));
}

QString snippet(const QString& s) {
    QString t = s.simplified();
    return t.size() > 60 ? t.left(57) + QStringLiteral("...") : t;
}

} // namespace

class TestContrast : public QObject {
    Q_OBJECT
private slots:
    void theRatioIsWcags() {
        QCOMPARE(qRound(fg::contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(fg::contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 on white is the classic "just 4.5:1" grey.
        QVERIFY(qAbs(fg::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void theWindowPaletteIsReadable() {
        const fg::AppTheme app;
        Check c;
        for (fg::ThemeChoice choice :
             {fg::ThemeChoice::Light, fg::ThemeChoice::Dark, fg::ThemeChoice::Projector}) {
            const fg::Theme t = app.themeFor(choice);
            const QPalette p = app.paletteFor(choice);
            using P = QPalette;
            const std::pair<P::ColorRole, P::ColorRole> roles[] = {
                {P::WindowText, P::Window},       {P::Text, P::Base},
                {P::Text, P::AlternateBase},      {P::ButtonText, P::Button},
                {P::ToolTipText, P::ToolTipBase}, {P::HighlightedText, P::Highlight},
                {P::PlaceholderText, P::Base},    {P::Link, P::Base}};
            for (const auto& [text, back] : roles) {
                c.pair(t, p.color(text), p.color(back),
                       QStringLiteral("palette role %1 on %2").arg(text).arg(back));
            }
            // A hint in an empty field must not pass for typed text (the Projector theme's hints
            // were #222 beside black text: 1.3:1, "they look typed").
            const qreal apart = fg::contrastRatio(p.color(P::PlaceholderText), p.color(P::Text));
            if (apart < 1.5) {
                c.failures << QStringLiteral("%1: hints are %2:1 from typed text (needs 1.5)")
                                  .arg(t.name())
                                  .arg(apart, 0, 'f', 2);
            }
        }
        QVERIFY2(c.failures.isEmpty(), qPrintable(c.report()));
    }

    // The border of a text box, spin box and combo box, as drawn on screen, stands out 3:1
    // from the window around it and from the field inside it, in every theme (WCAG's contrast
    // for the parts of a control): the Dark theme's fields had no visible border.
    void inputBordersCanBeSeen() {
        fg::AppTheme app;
        QStringList failures;
        int checked = 0;
        for (fg::ThemeChoice choice : {fg::ThemeChoice::System, fg::ThemeChoice::Light,
                                       fg::ThemeChoice::Dark, fg::ThemeChoice::Projector}) {
            app.apply(choice);
            const QPalette p = QApplication::palette();
            QLineEdit edit;
            QSpinBox spin;
            QComboBox combo;
            combo.addItem(QStringLiteral("leveled"));
            QComboBox editable;
            editable.setEditable(true);
            QCheckBox box; // its indicator sits at its left edge (the decision matrix's ticks)
            for (QWidget* w :
                 std::initializer_list<QWidget*>{&edit, &spin, &combo, &editable, &box}) {
                w->resize(160, w->sizeHint().height());
                const QImage img = w->grab().toImage();
                // The left edge at mid height: the strongest of the first two columns.
                qreal best = 0, bestBase = 0;
                for (int x = 0; x < 2; ++x) {
                    const QColor px = img.pixelColor(x, img.height() / 2);
                    const qreal r = fg::contrastRatio(px, p.color(QPalette::Window));
                    if (r > best) {
                        best = r;
                        bestBase = fg::contrastRatio(px, p.color(QPalette::Base));
                    }
                }
                ++checked;
                if (best + 1e-9 < 3 || bestBase + 1e-9 < 3) {
                    failures << QStringLiteral("%1: %2's border is %3:1 on the window, %4:1 on "
                                               "the field (needs 3:1)")
                                    .arg(fg::themeChoiceName(choice),
                                         QString::fromLatin1(w->metaObject()->className()))
                                    .arg(best, 0, 'f', 2)
                                    .arg(bestBase, 0, 'f', 2);
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
        QCOMPARE(checked, 20); // 4 themes x 5 controls
    }

    // The current tab stands out 3:1 from the others in every theme, as drawn (Dark's was only a
    // shade lighter than the others: a tester): its marker against the same place of a tab that
    // is not current.
    void theCurrentTabStandsOut() {
        fg::AppTheme app;
        QStringList failures;
        for (fg::ThemeChoice choice : {fg::ThemeChoice::System, fg::ThemeChoice::Light,
                                       fg::ThemeChoice::Dark, fg::ThemeChoice::Projector}) {
            app.apply(choice);
            fg::TabBar bar;
            for (const char* name : {"Reader", "Quiz", "Practice"}) {
                bar.addTab(QString::fromLatin1(name));
            }
            bar.setCurrentIndex(1);
            bar.resize(bar.sizeHint());
            const QImage img = bar.grab().toImage();
            const QRect marker = bar.currentMarker();
            QVERIFY(!marker.isEmpty());
            QVERIFY(bar.tabRect(1).contains(marker));
            // Against the fill of a tab that is not current, and of the current tab around it
            // (beside the words, at mid height).
            const QColor mark = img.pixelColor(marker.center());
            for (const int tab : {0, 1}) {
                const QPoint fill(bar.tabRect(tab).left() + 4, bar.tabRect(tab).center().y());
                const qreal ratio = fg::contrastRatio(mark, img.pixelColor(fill));
                if (ratio + 1e-9 < 3) {
                    failures << QStringLiteral("%1: the current tab's %2 beside %3 is %4:1")
                                    .arg(fg::themeChoiceName(choice), mark.name(),
                                         img.pixelColor(fill).name())
                                    .arg(ratio, 0, 'f', 2);
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    }

    void everyChaptersTextIsReadable() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        QVERIFY(course.chapters.size() >= 10);
        Check c;
        for (const fg::Theme& t : kThemes) {
            for (const fg::Chapter& ch : course.chapters) {
                QTextDocument doc;
                doc.setHtml(fg::chapterHtml(ch, t, 19, fg::diagramLinks()));
                for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
                    QColor cell;
                    if (QTextTable* table = QTextCursor(b).currentTable()) {
                        const QBrush brush = table->cellAt(b.position()).format().background();
                        if (brush.style() != Qt::NoBrush) {
                            cell = brush.color();
                        }
                    }
                    for (auto it = b.begin(); !it.atEnd(); ++it) {
                        const QTextFragment f = it.fragment();
                        if (f.text().trimmed().isEmpty() ||
                            f.text().contains(QChar::ObjectReplacementCharacter)) {
                            continue; // spaces and figures (checked below)
                        }
                        const QTextCharFormat fmt = f.charFormat();
                        const QColor fg = fmt.foreground().style() != Qt::NoBrush
                                              ? fmt.foreground().color()
                                              : t.text;
                        const QColor bg = fmt.background().style() != Qt::NoBrush
                                              ? fmt.background().color()
                                          : b.blockFormat().background().style() != Qt::NoBrush
                                              ? b.blockFormat().background().color()
                                          : cell.isValid() ? cell
                                                           : t.background;
                        c.pair(t, fg, bg,
                               QStringLiteral("reader, %1: \"%2\"").arg(ch.id, snippet(f.text())));
                    }
                }
            }
        }
        QVERIFY2(c.failures.isEmpty(), qPrintable(c.report()));
        QVERIFY(c.pairs > 1000);
    }

    void everyFiguresTextIsReadable() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        Check c;
        int figures = 0;
        for (const fg::Theme& t : kThemes) {
            for (const fg::Chapter& ch : course.chapters) {
                for (const fg::Section& s : ch.sections) {
                    for (const auto& block : s.blocks) {
                        if (block.value("type", std::string()) != "figure") {
                            continue;
                        }
                        ++figures;
                        const QString id = QString::fromStdString(block.value("id", std::string()));
                        fg::FigureScene scene;
                        fg::FigureLayout(t, 19, scene).layoutFigure(block, 1000);
                        for (const auto& text : scene.texts) {
                            const QRectF r(text.pos, text.block.size);
                            // What is under the text: its own background, else the topmost
                            // filled box under its middle, else the figure's page.
                            QColor under = scene.background;
                            for (const auto& box : scene.boxes) {
                                if (box.fill.isValid() && box.fill.alpha() > 0 &&
                                    box.rect.contains(r.center())) {
                                    under = box.fill;
                                }
                            }
                            if (text.background.isValid()) {
                                under = text.background;
                            }
                            const QString words = text.block.layout->text();
                            const QString where =
                                QStringLiteral("figure %1: \"%2\"").arg(id, snippet(words));
                            c.pair(t, text.color, under, where);
                            for (const auto& range : text.block.layout->formats()) {
                                const QColor fg = range.format.foreground().style() != Qt::NoBrush
                                                      ? range.format.foreground().color()
                                                      : text.color;
                                const QColor bg = range.format.background().style() != Qt::NoBrush
                                                      ? range.format.background().color()
                                                      : under;
                                c.pair(t, fg, bg,
                                       QStringLiteral("figure %1: \"%2\"")
                                           .arg(id, snippet(words.mid(range.start, range.length))));
                            }
                        }
                    }
                }
            }
        }
        QVERIFY(figures > 30);
        QVERIFY2(c.failures.isEmpty(), qPrintable(c.report()));
    }

    // A fresh tester: the hash-slot diagram's node 6 had a pale-yellow border, all but unseen on
    // white (Okabe-Ito's yellow is 1.2:1 there). Every outline of every live diagram, at every
    // step of its default scenario and of the hash slots with eight masters, stands 3:1 against
    // the background (WCAG 1.4.11, the parts of a graphic), in every theme; so does every tone's
    // outline colour.
    void everyDiagramsOutlinesCanBeSeen() {
        QStringList failures;
        int outlines = 0;
        const auto check = [&](const fg::Theme& t, const QColor& stroke, const QString& where) {
            ++outlines;
            const qreal ratio = fg::contrastRatio(stroke, t.background);
            if (ratio + 1e-9 < fg::Theme::kMinGraphicContrast) {
                failures << QStringLiteral("%1: %2 on %3 is %4:1: %5")
                                .arg(t.name(), stroke.name(), t.background.name())
                                .arg(ratio, 0, 'f', 2)
                                .arg(where);
            }
        };
        nlohmann::json eightMasters = {{"engine", "hashslot"},
                                       {"params", {{"nodes", 8}, {"replicas", 1}}},
                                       {"ops", {{{"op", "route"}, {"key", "user:1"}}}}};
        for (const fg::Theme& t : kThemes) {
            for (const char* tone : {"a", "b", "c", "d", "e", "f", "g", "h", "accent", "good",
                                     "bad", "warn", "muted"}) {
                check(t, t.toneStroke(QString::fromLatin1(tone)),
                      QStringLiteral("the tone %1").arg(QLatin1String(tone)));
            }
            std::vector<std::pair<QString, nlohmann::json>> scenarios;
            for (const auto& d : fg::liveDiagrams()) {
                if (d.hasSteps()) {
                    fg::Status st;
                    scenarios.emplace_back(d.id, fg::defaultScenario(d.id, st));
                    QVERIFY2(st.ok(), qPrintable(d.id));
                }
            }
            scenarios.emplace_back(QStringLiteral("hashslot, eight masters"), eightMasters);
            for (const auto& [name, scenario] : scenarios) {
                fg::Status st;
                const auto source = fg::makeDiagramSource(scenario, st, std::nullopt);
                QVERIFY2(source, qPrintable(name + QLatin1String(": ") +
                                            QString::fromStdString(st.message())));
                for (int pos = -1; pos < source->stepCount(); ++pos) {
                    for (const auto& it : source->frame(pos, t).items) {
                        if (it.kind == fg::FrameItem::Kind::Box && it.stroke.isValid() &&
                            it.stroke.alpha() == 255 && it.strokeWidth >= 1 && it.opacity >= 0.99) {
                            check(t, it.stroke,
                                  QStringLiteral("%1, step %2, %3").arg(name).arg(pos).arg(it.id));
                        }
                    }
                }
            }
        }
        QVERIFY(outlines > 100);
        failures.removeDuplicates();
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 outlines too faint:\n")
                                                    .arg(failures.size())
                                                    .arg(outlines) +
                                                failures.mid(0, 25).join(QLatin1Char('\n'))));
    }

    // Charts: every series of every chart of every live diagram and simulator stands out from
    // the chart's ground, a line 4.5:1 and a bar's fill 3:1, in every theme, switched to from
    // Light (a result drawn before keeps its colours otherwise); and the series of one chart
    // stay apart, also for the red-green colour blind (a CIELAB distance of 40 under simulated
    // protanopia and deuteranopia). Okabe-Ito's raw orange was 2.25:1 on white, its blue 3.08:1
    // on Dark's ground, and B-Tree vs LSM-tree drew Light's colours in every theme.
    void everyChartsSeriesStandsOut() {
        QStringList failures;
        int series = 0;
        std::vector<std::unique_ptr<QWidget>> pages;
        for (const auto& d : fg::liveDiagrams()) {
            pages.emplace_back(fg::createDiagramPage(d.id, fg::Theme::light(), nullptr));
        }
        for (const auto& s : fg::simulators()) {
            pages.emplace_back(fg::createSimulatorView(s.id, fg::Theme::light(), nullptr));
        }
        for (const auto& page : pages) {
            QVERIFY(page);
            if (auto* compare = qobject_cast<fg::BTreeVsLsmView*>(page.get())) {
                compare->waitForRun();
            }
        }
        for (const fg::Theme& t : kThemes) {
            for (const auto& page : pages) {
                dynamic_cast<fg::Page*>(page.get())->setTheme(t);
                for (QCustomPlot* chart : page->findChildren<QCustomPlot*>()) {
                    const QString where = QStringLiteral("%1, %2 chart %3")
                                              .arg(t.name(), page->metaObject()->className(),
                                                   chart->accessibleName());
                    std::vector<QColor> colours;
                    for (int i = 0; i < chart->plottableCount(); ++i) {
                        QCPAbstractPlottable* p = chart->plottable(i);
                        if (!p->interface1D() || p->interface1D()->dataCount() == 0) {
                            continue;
                        }
                        ++series;
                        const bool bar = qobject_cast<QCPBars*>(p) != nullptr;
                        const QColor c = bar ? p->brush().color() : p->pen().color();
                        const qreal need = bar ? 3.0 : 4.5;
                        const qreal ratio = fg::contrastRatio(c, t.background);
                        if (ratio < need) {
                            failures << QStringLiteral("%1: '%2' is %3 on %4, %5:1 (needs %6)")
                                            .arg(where, p->name(), c.name(), t.background.name())
                                            .arg(ratio, 0, 'f', 2)
                                            .arg(need);
                        }
                        for (const QColor& other : colours) {
                            for (Vision v :
                                 {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia}) {
                                const double d = colourDistance(c, other, v);
                                if (other != c && d < 40) {
                                    failures << QStringLiteral("%1: %2 and %3 %4 apart (vision %5)")
                                                    .arg(where, c.name(), other.name())
                                                    .arg(d, 0, 'f', 0)
                                                    .arg(int(v));
                                }
                            }
                        }
                        colours.push_back(c);
                    }
                }
            }
        }
        QVERIFY2(series > 20, qPrintable(QString::number(series)));
        failures.removeDuplicates();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 25).join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestContrast)
#include "test_contrast.moc"
