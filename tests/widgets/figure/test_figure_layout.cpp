// FigureLayout: a figure's data becomes a scene that stays inside its width, draws every string of
// the data, draws one arrow per flow edge and the shape each node asks for, and never overlaps
// nodes. Set FG_SAVE_FIGURES=<dir> to write the rendered PNGs for a look.
#include "tests/suite_main.h"
#include "tests/widgets/figure/flow_checks.h"
#include "widgets/figure/figure_pieces.h"
#include "widgets/figure/figure_renderer.h"
#include "widgets/figure/figure_scene.h"
#include "widgets/figure/inline_text.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTest>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

using nlohmann::json;

namespace {

json load(const QString& name) {
    QFile f(QStringLiteral(FIGURE_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot open %s", qPrintable(name));
    }
    return json::parse(f.readAll().toStdString());
}

// Every displayed string of the figure (not ids, kinds or tones), without markup.
void collectStrings(const json& v, const std::string& key, std::vector<QString>& out) {
    static const std::set<std::string> skip = {"kind",  "type",     "id",     "tone",
                                               "shape", "language", "layout", "direction",
                                               "from",  "to",       "mark"};
    if (v.is_string()) {
        if (!skip.count(key)) {
            out.push_back(fg::parseInline(QString::fromStdString(v.get<std::string>()),
                                          fg::Theme::light(), QFont())
                              .text);
        }
    } else if (v.is_array()) {
        for (const auto& e : v) {
            collectStrings(e, key, out);
        }
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            collectStrings(it.value(), it.key(), out);
        }
    }
}

int countShapes(const fg::FigureScene& s, fg::FigureScene::Shape shape) {
    int n = 0;
    for (const auto& b : s.boxes) {
        n += b.shape == shape ? 1 : 0;
    }
    return n;
}

} // namespace

class TestFigureLayout : public QObject {
    Q_OBJECT
private slots:
    void staysInsideItsWidth_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<qreal>("width");
        for (const char* f : {"every-part.json", "flowchart.json", "fanout.json"}) {
            for (const char* t : {"light", "dark", "projector"}) {
                for (qreal w : {420.0, 1000.0}) {
                    QTest::addRow("%s %s %d", f, t, int(w)) << f << t << w;
                }
            }
        }
    }
    void staysInsideItsWidth() {
        QFETCH(QString, file);
        QFETCH(QString, theme);
        QFETCH(qreal, width);
        const fg::FigureRenderer r(load(file), fg::Theme::byName(theme), width, 16);
        QCOMPARE(r.size().width(), width);
        const QRectF bounds(QPointF(-0.5, -0.5), r.size() + QSizeF(1, 1));
        for (const auto& b : r.scene().boxes) {
            QVERIFY2(bounds.contains(b.rect), qPrintable(QStringLiteral("box %1,%2 %3x%4 outside")
                                                             .arg(b.rect.x())
                                                             .arg(b.rect.y())
                                                             .arg(b.rect.width())
                                                             .arg(b.rect.height())));
        }
        for (const auto& t : r.scene().texts) {
            const QRectF tr(t.pos, t.block.size);
            QVERIFY2(tr.right() <= width + 0.5 && tr.bottom() <= r.size().height() + 0.5,
                     qPrintable(t.block.layout->text()));
        }
        if (const QByteArray dir = qgetenv("FG_SAVE_FIGURES"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            r.toImage(2).save(QStringLiteral("%1/%2-%3-%4.png")
                                  .arg(QString::fromLocal8Bit(dir), file.section('.', 0, 0), theme)
                                  .arg(int(width)));
        }
    }

    void drawsEveryStringOfTheData() {
        for (const char* f : {"every-part.json", "flowchart.json", "fanout.json"}) {
            const json fig = load(f);
            const fg::FigureRenderer r(fig, fg::Theme::light(), 900, 16);
            std::vector<QString> strings;
            collectStrings(fig, "", strings);
            QStringList drawn;
            for (const auto& t : r.scene().texts) {
                // Without the invisible word joiners that keep "I/O" on one line.
                drawn << t.block.layout->text().remove(QChar(0x2060));
            }
            const QString all = drawn.join(QChar('\n'));
            for (const QString& s : strings) {
                // A list item's leading mark is drawn as its bullet, apart from its words.
                const bool marked = s.size() > 2 && s[1] == QChar(' ') && all.contains(s[0]) &&
                                    all.contains(s.mid(2));
                QVERIFY2(all.contains(s) || marked,
                         qPrintable(QStringLiteral("%1: not drawn: %2").arg(f, s)));
            }
        }
    }

    void flowDrawsOneArrowPerEdgeAndTheNodeShapes() {
        const json fig = load("flowchart.json");
        const fg::FigureRenderer r(fig, fg::Theme::light(), 1000, 16);
        int arrows = 0;
        for (const auto& l : r.scene().lines) {
            arrows += l.arrow ? 1 : 0;
        }
        QCOMPARE(arrows, int(fig["parts"][0]["edges"].size()));
        QCOMPARE(countShapes(r.scene(), fg::FigureScene::Shape::Decision), 3);
        QCOMPARE(countShapes(r.scene(), fg::FigureScene::Shape::Store), 2);
        QCOMPARE(countShapes(r.scene(), fg::FigureScene::Shape::Pill), 1);
    }

    // Tester 44: S3's lifecycle chain (four boxes joined by arrows) wrapped at a narrow width and
    // "Day 365" stood on a row of its own with no arrow from "Day 90". However the chain wraps,
    // each box after the first has one arrow into it, ending on its outline.
    void aChainOfBoxesKeepsItsArrowsWhenItWraps() {
        json items = json::array();
        for (const char* day : {"Day 0", "Day 30", "Day 90", "Day 365"}) {
            items.push_back({{"title", day}, {"lines", {"Auto-transition to a cheaper class"}}});
        }
        const json fig = {
            {"id", "chain"},
            {"title", "A chain"},
            {"parts", {{{"kind", "boxes"}, {"columns", 4}, {"arrows", true}, {"items", items}}}}};
        for (const qreal w : {1600.0, 900.0, 600.0, 380.0}) {
            const fg::FigureRenderer r(fig, fg::Theme::light(), w, 16);
            std::vector<QRectF> boxes; // the chain's, not the figure's frame round them
            for (const auto& b : r.scene().boxes) {
                const bool frame =
                    std::any_of(r.scene().boxes.begin(), r.scene().boxes.end(),
                                [&](const auto& o) { return &o != &b && b.rect.contains(o.rect); });
                if (b.shape == fg::FigureScene::Shape::Rounded && !frame) {
                    boxes.push_back(b.rect);
                }
            }
            QCOMPARE(boxes.size(), std::size_t(4));
            std::vector<int> into(4, 0);
            for (const auto& l : r.scene().lines) {
                if (!l.arrow) {
                    continue;
                }
                for (std::size_t i = 0; i < boxes.size(); ++i) {
                    if (boxes[i].adjusted(-6, -6, 6, 6).contains(l.points.back()) &&
                        !boxes[i].contains(l.points.front())) {
                        ++into[i];
                    }
                }
            }
            QCOMPARE(into, (std::vector<int>{0, 1, 1, 1}));
        }
    }

    void flowNodesNeverOverlap() {
        for (qreal w : {420.0, 700.0, 1400.0}) {
            for (const char* f : {"flowchart.json", "fanout.json"}) {
                const fg::FigureRenderer r(load(f), fg::Theme::light(), w, 16);
                std::vector<QRectF> nodes;
                for (const auto& b : r.scene().boxes) {
                    if (b.shape != fg::FigureScene::Shape::Rect && b.rect.width() < w - 10) {
                        nodes.push_back(b.rect);
                    }
                }
                for (std::size_t i = 0; i < nodes.size(); ++i) {
                    for (std::size_t j = i + 1; j < nodes.size(); ++j) {
                        const QRectF o = nodes[i].intersected(nodes[j]);
                        const bool nested =
                            nodes[i].contains(nodes[j]) || nodes[j].contains(nodes[i]);
                        QVERIFY2(nested || o.width() * o.height() < 1.0,
                                 qPrintable(QStringLiteral("%1 at %2: nodes %3 and %4 overlap")
                                                .arg(f)
                                                .arg(w)
                                                .arg(i)
                                                .arg(j)));
                    }
                }
            }
        }
    }

    // A flow reads as separate lines with their labels beside them: no label on a line or an
    // arrowhead, no two edges of different nodes a few pixels apart (the flowchart's Relational
    // ran on into the drop to Key-Value, 6 px below it; "Complex relationships to traverse?"
    // hid the arrowhead into Graph).
    void flowLabelsBesideSeparateLines() {
        QStringList faults, knownFaults;
        for (const char* f : {"flowchart.json", "fanout.json", "every-part.json"}) {
            for (const char* t : {"light", "projector"}) {
                for (qreal w : {420.0, 700.0, 1000.0, 1400.0}) {
                    const fg::FigureRenderer r(load(f), fg::Theme::byName(t), w, 16);
                    const QString at = QStringLiteral("%1 %2 %3: ").arg(f, t).arg(w);
                    // Not done yet: at 420 px the flowchart's answers wrap onto three rows,
                    // where the routes of the other node's edges pass between them;
                    // test_shipped_content says the same of the course's flowchart.
                    const bool known =
                        QLatin1String(f) == QLatin1String("flowchart.json") && w < 700;
                    for (const QString& fault : flow_checks::labelsOnLines(r.scene()) +
                                                    flow_checks::edgesTooClose(r.scene())) {
                        (known ? knownFaults : faults) << at + fault;
                    }
                }
            }
        }
        QVERIFY2(faults.isEmpty(), qPrintable(faults.join('\n')));
        QEXPECT_FAIL("", "known: the flowchart in narrow slots (see above)", Continue);
        QVERIFY(knownFaults.isEmpty());
    }

    // The checks themselves find what they are for: a label laid on its line, and a line that
    // ends a few pixels above another's start at the same x.
    void flowChecksFindTheFaults() {
        fg::FigureRenderer r(load("flowchart.json"), fg::Theme::light(), 1000, 16);
        fg::FigureScene s = r.scene();
        const auto label = std::find_if(s.texts.begin(), s.texts.end(),
                                        [](const auto& t) { return t.background.isValid(); });
        QVERIFY(label != s.texts.end());
        fg::FigureScene::Line on;
        on.points << QPointF(label->pos.x() - 5, label->pos.y() + 2)
                  << QPointF(label->pos.x() + 5, label->pos.y() + 2);
        on.arrow = true;
        s.lines.push_back(on);
        QVERIFY(!flow_checks::labelsOnLines(s).isEmpty());
        fg::FigureScene apart;
        fg::FigureScene::Line a, b;
        a.points << QPointF(100, 0) << QPointF(100, 50);
        a.edgeFrom = 0;
        a.edgeTo = 1;
        b.points << QPointF(100, 56) << QPointF(300, 56) << QPointF(300, 90);
        b.edgeFrom = 2;
        b.edgeTo = 3;
        apart.lines = {a, b};
        QVERIFY(!flow_checks::edgesTooClose(apart).isEmpty());
        apart.lines[1].edgeFrom = 0; // one node's fan-out shares its trunk
        QVERIFY(flow_checks::edgesTooClose(apart).isEmpty());
    }

    // Where a node's answers cannot all stand beside their drops (the flowchart's six in the
    // Projector's type), each stands on its own drop, centred, the line seen above it and the
    // arrowhead free below; the checks take that as reading clearly, and the same label on
    // another edge's line, or off the middle of its own, as a fault.
    void anAnswerOnItsOwnDropReadsAsItsAnswer() {
        const fg::FigureRenderer r(load("flowchart.json"), fg::Theme::projector(), 1000, 16);
        fg::FigureScene s = r.scene();
        QVERIFY(flow_checks::labelsOnLines(s).isEmpty());
        const auto on = std::find_if(s.texts.begin(), s.texts.end(), [&](const auto& t) {
            return t.names >= 0 &&
                   flow_checks::standsOnItsDrop(fg::labelBackground(t),
                                                s.lines[static_cast<std::size_t>(t.names)]);
        });
        QVERIFY2(on != s.texts.end(), "no answer stands on its drop");
        const auto& line = s.lines[static_cast<std::size_t>(on->names)];
        const QPolygonF head = fg::arrowheadPolygon(line.points[line.points.size() - 2],
                                                    line.points.last(), line.width);
        QVERIFY(fg::labelBackground(*on).bottom() < head.boundingRect().top());
        const int own = on->names;
        on->names = own == 0 ? 1 : 0;
        QVERIFY(!flow_checks::labelsOnLines(s).isEmpty());
        on->names = own;
        on->pos.rx() += 6;
        QVERIFY(!flow_checks::labelsOnLines(s).isEmpty());
    }

    // A bar's value says its unit as it is written, a currency's sign first ("$0.004 per GB per
    // month", not "0.004 $ per GB per month"), and a value on two lines keeps its row: the S3
    // prices ran into each other (tester 43).
    void barValuesReadWholeAndApart() {
        const json fig = json::parse(R"({"type": "figure", "id": "prices", "title": "Prices",
            "parts": [{"kind": "bars", "unit": "$ per GB per month", "items": [
                {"label": "S3 Standard", "value": 0.023}, {"label": "Infrequent Access",
                 "value": 0.0125}, {"label": "Glacier", "value": 0.004}]}]})");
        for (qreal w : {320.0, 700.0}) {
            const fg::FigureRenderer r(fig, fg::Theme::light(), w, 16);
            std::vector<QRectF> values;
            for (const auto& t : r.scene().texts) {
                if (t.block.layout->text().contains(QLatin1String("per GB"))) {
                    values.emplace_back(t.pos, t.block.size);
                    QVERIFY2(t.block.layout->text().startsWith(QLatin1Char('$')),
                             qPrintable(t.block.layout->text()));
                }
            }
            QCOMPARE(values.size(), std::size_t(3));
            // With room beside the bars, each value on one line (they wrapped with room to
            // spare: tester 44).
            qreal oneLine = 0; // a label of one word, in the body's (larger) type
            for (const auto& t : r.scene().texts) {
                if (t.block.layout->text() == QLatin1String("Glacier")) {
                    oneLine = t.block.size.height();
                }
            }
            QVERIFY(oneLine > 0);
            if (w >= 700) {
                for (const QRectF& v : values) {
                    QVERIFY2(v.height() < 1.5 * oneLine,
                             qPrintable(QStringLiteral("a value %1 px tall, a line %2")
                                            .arg(v.height())
                                            .arg(oneLine)));
                }
            }
            for (std::size_t i = 1; i < values.size(); ++i) {
                QVERIFY2(
                    !values[i - 1].intersects(values[i]),
                    qPrintable(
                        QStringLiteral("at %1 px, value %2 runs into the next").arg(w).arg(i)));
            }
        }
    }

    // An item that starts with an arrow has it for its bullet, not a dot before it ("• → Single
    // partition": tester 43).
    void anArrowedItemHasItsArrowForABullet() {
        const json fig = json::parse(R"({"type": "figure", "id": "arrows", "title": "Arrows",
            "parts": [{"kind": "bullets", "items": ["→ Single partition, sorted by date",
                                                    "Plain item"]}]})");
        const fg::FigureRenderer r(fig, fg::Theme::light(), 700, 16);
        QStringList texts;
        for (const auto& t : r.scene().texts) {
            texts << t.block.layout->text();
        }
        QVERIFY2(texts.contains(QStringLiteral("\u2192")) &&
                     texts.contains(QStringLiteral("Single partition, sorted by date")) &&
                     texts.count(QStringLiteral("\u2022")) == 1,
                 qPrintable(texts.join(QLatin1String(" | "))));
    }

    // A list whose bullets are ticks: the text stands a space after its tick (a bold tick is
    // wider than a dot, and touched the text: "✔Every system design question!").
    void aTickStandsASpaceBeforeItsText() {
        const json fig = json::parse(R"({"type": "figure", "id": "ticks", "title": "Ticks",
            "parts": [{"kind": "bullets", "items": [":yes: Every system design question!",
                                                    ":no: Not this one", ":warn: Careful"]}]})");
        for (const char* theme : {"light", "projector"}) {
            const fg::FigureRenderer r(fig, fg::Theme::byName(theme), 700, 16);
            int pairs = 0;
            for (const auto& glyph : r.scene().texts) {
                const QString g = glyph.block.layout->text();
                if (g.size() != 1 || g[0].unicode() < 0x2000) {
                    continue;
                }
                for (const auto& text : r.scene().texts) {
                    if (text.block.layout->text().size() > 3 &&
                        std::abs(text.pos.y() - glyph.pos.y()) < 1) {
                        ++pairs;
                        const qreal gap = text.pos.x() - (glyph.pos.x() + glyph.block.size.width());
                        QVERIFY2(gap >= 4, qPrintable(QStringLiteral("%1: %2 px between %3 and "
                                                                     "\"%4\"")
                                                          .arg(QLatin1String(theme))
                                                          .arg(gap)
                                                          .arg(g, text.block.layout->text())));
                    }
                }
            }
            QCOMPARE(pairs, 3);
        }
    }

    void aSlashInsideAWordNeverEndsALine() {
        // "I/O", "PC/EC", "TCP/IP" stay whole at every width where the line could end there;
        // "A / B" breaks at its spaces only.
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(16);
        for (const QString& s : {QStringLiteral("cost of random I/O per read"),
                                 QStringLiteral("the CP / PC/EC choice of PACELC"),
                                 QStringLiteral("TCP/IP and HTTP/2 over the network")}) {
            fg::InlineText in;
            in.text = s;
            const qreal full = fg::naturalWidth(in, font);
            qreal longest = 0; // narrower, a word is cut anywhere, as it has to be
            for (const QString& word : s.split(QLatin1Char(' '))) {
                fg::InlineText w;
                w.text = word;
                longest = std::max(longest, fg::naturalWidth(w, font));
            }
            int breaks = 0;
            for (qreal w = longest + 1; w < full; w += 2) {
                const fg::TextBlock b = fg::layoutText(in, font, w);
                const QString laid = b.layout->text();
                for (int i = 0; i + 1 < b.layout->lineCount(); ++i) {
                    const QTextLine line = b.layout->lineAt(i);
                    const int end = line.textStart() + line.textLength(); // the next line's start
                    ++breaks;
                    QString before = laid.left(end);
                    before.remove(QChar(0x2060));
                    QString after = laid.mid(end);
                    after.remove(QChar(0x2060));
                    const bool inWord = before.endsWith(QLatin1Char('/')) && before.size() > 1 &&
                                        !before[before.size() - 2].isSpace() && !after.isEmpty() &&
                                        !after[0].isSpace();
                    QVERIFY2(!inWord, qPrintable(QStringLiteral("\"%1\" at %2 px: \"%3\" | \"%4\"")
                                                     .arg(s)
                                                     .arg(w)
                                                     .arg(before, after)));
                }
            }
            QVERIFY(breaks > 10);
        }
    }

    void narrowerMeansTallerNotWider() {
        const json fig = load("every-part.json");
        const fg::FigureRenderer wide(fig, fg::Theme::light(), 1200, 16);
        const fg::FigureRenderer narrow(fig, fg::Theme::light(), 500, 16);
        QVERIFY(narrow.size().height() > wide.size().height());
        QCOMPARE(narrow.size().width(), 500.0);
    }

    // A tree of seven stores (the Decision Matrix's Scenario 5) on a 1720 px slide was a list 500
    // px wide and most of the slide tall: its leaves go in two columns where two fit, the first
    // half in the first, each leaf's words whole in its column; in a narrow room, one column.
    void aTreeOfLeavesTakesTwoColumnsWhereTheyFit() {
        json root = {{"label", "Platform"}, {"children", json::array()}};
        for (int i = 0; i < 7; ++i) {
            root["children"].push_back({{"label", "Store " + std::to_string(i)},
                                        {"lines", {"PostgreSQL or InfluxDB", "(time-series)"}},
                                        {"tone", "a"}});
        }
        const json figure = {
            {"type", "figure"},
            {"id", "t"},
            {"parts", {{{"kind", "tree"}, {"layout", "indented"}, {"root", root}}}}};
        const auto leftOf = [](const fg::FigureRenderer& r, const QString& label) {
            for (const auto& t : r.scene().texts) {
                if (t.block.layout->text() == label) {
                    return t.pos.x();
                }
            }
            return qreal(-1);
        };
        const fg::FigureRenderer wide(figure, fg::Theme::light(), 1200, 16);
        const fg::FigureRenderer narrow(figure, fg::Theme::light(), 300, 16);
        QVERIFY(leftOf(wide, "Store 0") >= 0);
        QCOMPARE(leftOf(wide, "Store 3"), leftOf(wide, "Store 0")); // the first half: 0 to 3
        QVERIFY(leftOf(wide, "Store 4") > leftOf(wide, "Store 0") + 300);
        QCOMPARE(leftOf(wide, "Store 6"), leftOf(wide, "Store 4"));
        QVERIFY(wide.size().height() < 0.65 * narrow.size().height());
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(leftOf(narrow, QStringLiteral("Store %1").arg(i)), leftOf(narrow, "Store 0"));
        }
        for (const auto& t : wide.scene().texts) {
            QVERIFY2(t.block.layout->lineCount() == 1, qPrintable(t.block.layout->text()));
        }
    }

    // A figure cut between its parts (slides, handouts): a heading never ends a piece when
    // parts follow it, not even a piece of one part (a slide showed "3. Columnar storage" alone
    // at the foot of a page, its table on the next).
    void aHeadingNeverEndsAPiece() {
        nlohmann::json figure = {
            {"type", "figure"}, {"title", "T"}, {"parts", nlohmann::json::array()}};
        for (const char* kind : {"heading", "bullets", "heading", "table", "bars"}) {
            figure["parts"].push_back({{"kind", kind}});
        }
        const auto upTo = [](std::size_t n) {
            return [n](const nlohmann::json& piece) { return piece["parts"].size() <= n; };
        };
        QCOMPARE(fg::pieceEnd(figure, 0, upTo(3)), std::size_t(2)); // not on "heading" (part 2)
        QCOMPARE(fg::pieceEnd(figure, 2, upTo(1)), std::size_t(4)); // the heading with its table
        QCOMPARE(fg::pieceEnd(figure, 2, upTo(2)), std::size_t(4));
        QCOMPARE(fg::pieceEnd(figure, 3, upTo(1)), std::size_t(4));
        QCOMPARE(fg::pieceEnd(figure, 0, upTo(9)), std::size_t(5));
        QVERIFY(fg::figurePiece(figure, 2, 4)["title"] == "T (continued)");
    }

    // A line of text that leads into a drawing stays with it, and a callout or a "→" line that
    // says what a drawing means is not cut from it (a slide ended on Kafka's round-robin boxes
    // and the next one opened on "→ Good for load balancing").
    void aPieceKeepsALineWithThePartItLeadsIntoOrFollows() {
        nlohmann::json figure = {
            {"type", "figure"}, {"title", "T"}, {"parts", nlohmann::json::array()}};
        figure["parts"].push_back({{"kind", "bullets"}});                                // 0
        figure["parts"].push_back({{"kind", "heading"}});                                // 1
        figure["parts"].push_back({{"kind", "text"}, {"text", "No key: round-robin"}});  // 2
        figure["parts"].push_back({{"kind", "boxes"}});                                  // 3
        figure["parts"].push_back({{"kind", "text"}, {"text", "\u2192 Good for load"}}); // 4
        figure["parts"].push_back({{"kind", "callout"}});                                // 5
        figure["parts"].push_back({{"kind", "heading"}});                                // 6
        figure["parts"].push_back({{"kind", "bullets"}});                                // 7
        const auto upTo = [](std::size_t n) {
            return [n](const nlohmann::json& piece) { return piece["parts"].size() <= n; };
        };
        for (std::size_t fits = 2; fits <= 5; ++fits) {
            // Up to part 5 fits: not before the callout (5), the arrow line (4), the boxes the
            // text leads into (3), nor after the heading (2): before the heading.
            QCOMPARE(fg::pieceEnd(figure, 0, upTo(fits)), std::size_t(1));
        }
        QCOMPARE(fg::pieceEnd(figure, 0, upTo(6)), std::size_t(6)); // before the next heading
        QCOMPARE(fg::pieceEnd(figure, 1, upTo(5)), std::size_t(6));
        // Nowhere allowed among the parts that fit: where they stop fitting, which the pages
        // can tell (the room at a page's foot is then left, the piece starting the next page).
        QCOMPARE(fg::pieceEnd(figure, 2, upTo(2)), std::size_t(4));
        QVERIFY(!fg::pieceMayEndAt(figure, 4));
        QVERIFY(fg::pieceMayEndAt(figure, 6));
        QVERIFY(fg::pieceMayEndAt(figure, 8)); // the figure's end
    }

    // A figure's caption sums the whole figure up: under its last piece only (it stood at the
    // foot of each of a slide's pages).
    void theCaptionIsUnderTheLastPieceOnly() {
        nlohmann::json figure = {{"type", "figure"},
                                 {"title", "T"},
                                 {"caption", "Result: fast."},
                                 {"parts", nlohmann::json::array()}};
        for (const char* kind : {"bullets", "table", "bars"}) {
            figure["parts"].push_back({{"kind", kind}});
        }
        QVERIFY(!fg::figurePiece(figure, 0, 2).contains("caption"));
        QVERIFY(!fg::figurePiece(figure, 1, 2).contains("caption"));
        QVERIFY(fg::figurePiece(figure, 2, 3)["caption"] == "Result: fast.");
        QVERIFY(fg::figurePiece(figure, 0, 3)["caption"] == "Result: fast.");
    }

    void imageIsSharpAtTheDevicePixelRatio() {
        const fg::FigureRenderer r(load("fanout.json"), fg::Theme::dark(), 600, 16);
        const QImage img = r.toImage(2);
        QCOMPARE(img.width(), qRound(r.size().width() * 2));
        QCOMPARE(img.devicePixelRatio(), 2.0);
        // The background is the dark theme's, not white.
        QCOMPARE(img.pixelColor(4 + img.width() / 2, img.height() - 40).lightness() < 128, true);
    }
};

FG_TEST_MAIN(TestFigureLayout)
#include "test_figure_layout.moc"
