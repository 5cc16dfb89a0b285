// The live Redis Cluster: the slot bar covers all 16,384 slots with one segment per owner run,
// every node of the engine's state is drawn, a routed key's marker sits on its slot, a redirect
// is drawn with its name, and stepping back redraws the earlier frame exactly.
#include "engines/redis/key_slot.h"
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/hashslot_view.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <map>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>
#include <set>

using ClusterKind = fg::redis::ClusterOp::Kind;

namespace {

fg::redis::ClusterOp route(const std::string& key, bool set) {
    fg::redis::ClusterOp op;
    op.kind = ClusterKind::Route;
    op.key = key;
    if (set) {
        op.value.emplace(1, 'v');
    }
    return op;
}

std::vector<fg::redis::ClusterOp> hashslotScenario() {
    fg::redis::ClusterOp add;
    add.kind = ClusterKind::AddNode;
    return {route("user:1000", true), route("foo", true), add, route("user:1000", false),
            route("foo", false)};
}

// The state on screen of `v`.
const fg::redis::ClusterState& d_state(fg::HashslotView& v) {
    const auto* d = static_cast<const fg::HashslotDiagram*>(v.panel()->canvas()->source());
    return d->stateAt(v.panel()->player()->position());
}

} // namespace

class TestHashslotDiagram : public QObject {
    Q_OBJECT
private slots:
    void theBarCoversEverySlotAndEveryNodeIsDrawn() {
        const fg::HashslotDiagram d(3, 1, hashslotScenario());
        for (int i = -1; i < d.stepCount(); ++i) {
            const auto s =
                i < 0 ? d.timeline().initialState() : d.timeline().stateAfter(std::size_t(i));
            const fg::Frame f = d.frame(i, fg::Theme::light());
            qreal width = 0;
            int nodes = 0;
            for (const auto& it : f.items) {
                if (it.id.startsWith("seg:")) {
                    width += it.rect.width();
                }
                nodes += it.id.startsWith("node:") ? 1 : 0;
            }
            QVERIFY(std::abs(width - 1020) < 0.01); // the whole bar, no gap, no overlap
            int live = 0;
            for (const auto& n : s.nodes) {
                live += n.removed ? 0 : 1;
            }
            QCOMPARE(nodes, live);
        }
    }

    void aRouteMarksItsSlotAndItsRedirect() {
        const fg::HashslotDiagram d(3, 1, hashslotScenario());
        // Step 3 (0-based) routes user:1000 after the new node took its slot: MOVED.
        int moved = -1;
        for (int i = 0; i < d.stepCount(); ++i) {
            if (d.timeline().step(std::size_t(i)).redirect == fg::redis::Redirect::kMoved) {
                moved = i;
                break;
            }
        }
        QVERIFY(moved >= 0);
        const fg::Frame f = d.frame(moved, fg::Theme::light());
        const auto* marker = f.find("slot-marker");
        QVERIFY(marker);
        const int slot = d.timeline().step(std::size_t(moved)).slot;
        QVERIFY(std::abs(marker->rect.center().x() - (40 + 1020.0 * slot / 16384)) < 0.5);
        const auto* label = f.find("route-redirect-label");
        QVERIFY(label);
        QCOMPARE(label->text, QStringLiteral("MOVED"));
    }

    void theMarkerLeavesTheRangeLabelsReadable() {
        // Issue 13: the marker stood over the bar and hid the range's label ("5461" read
        // "?461"). It hangs under the bar now, at the slot.
        const fg::HashslotDiagram d(3, 1, hashslotScenario());
        for (int i = 0; i < d.stepCount(); ++i) {
            const fg::Frame f = d.frame(i, fg::Theme::projector());
            const auto* marker = f.find("slot-marker");
            if (!marker) {
                continue;
            }
            for (const auto& it : f.items) {
                if (it.id.startsWith("seg:")) {
                    QVERIFY2(!it.rect.adjusted(0, 0, 0, -1).intersects(marker->rect),
                             qPrintable(it.id));
                }
            }
        }
    }

    // A run of a few slots (one slot moved in a reshard) is a tenth of a pixel of the bar: it
    // gets a stripe of its owner's colour a few units wide at its place, over its neighbours
    // (a tester saw slot 5474, moved to node 2, drawn in node 1's colour); its segment keeps
    // its true width, and a run wide enough gets no stripe.
    void aMovedSlotIsAStripeOfItsOwnersColour() {
        fg::redis::ClusterState s = fg::redis::ClusterEngine(3, 0).initialState();
        s.owner[5474] = 2;
        const fg::Frame f = fg::HashslotDiagram::layout(s, nullptr, fg::Theme::light());
        const fg::FrameItem* stripe = f.find(QStringLiteral("slot-stripe:5474"));
        const fg::FrameItem* seg = f.find(QStringLiteral("seg:5474"));
        const fg::FrameItem* right = f.find(QStringLiteral("seg:5475"));
        QVERIFY(stripe && seg && right);
        QCOMPARE(stripe->fill, fg::Theme::light().toneFill(QStringLiteral("c")));
        QCOMPARE(stripe->stroke, seg->stroke);
        QVERIFY(stripe->rect.width() >= 4 * seg->rect.width());
        QVERIFY(stripe->rect.contains(seg->rect.center()));
        QVERIFY(stripe->z > right->z);
        QVERIFY(!f.find(QStringLiteral("slot-stripe:5475")));
        QVERIFY(!f.find(QStringLiteral("slot-stripe:0")));
    }

    // Tester 40 moved slot 10778 to node 2: node 1's segment said "5461-10777", and the 144
    // slots node 1 still had past it were a sliver without words. A node's label says all its
    // runs of slots (a few), or how many more it has.
    void aNodesLabelSaysItsOtherRuns() {
        fg::redis::ClusterState s = fg::redis::ClusterEngine(3, 0).initialState();
        s.owner[10778] = 2;
        for (const fg::Theme& theme : {fg::Theme::light(), fg::Theme::projector()}) {
            for (const qreal width :
                 {fg::HashslotDiagram::kWidth, fg::HashslotDiagram::kHalfWidth}) {
                const fg::Frame f = fg::HashslotDiagram::layout(s, nullptr, theme, width);
                const fg::FrameItem* one = f.find(QStringLiteral("seg:5461"));
                const fg::FrameItem* two = f.find(QStringLiteral("seg:10923"));
                QVERIFY(one && two);
                const QString at = QStringLiteral("%1 at %2 units: ").arg(theme.name()).arg(width);
                // In the projector's type at half the width, the first run and an ellipsis.
                const bool room = theme.kind != fg::Theme::Kind::Projector ||
                                  width == fg::HashslotDiagram::kWidth;
                QVERIFY2(one->text == (room ? QStringLiteral("5461-10777, 10779-10922\nnode 1")
                                            : QStringLiteral("5461-10777, \u2026\nnode 1")),
                         qPrintable(at + one->text));
                QVERIFY2(two->text == (room ? QStringLiteral("10778, 10923-16383\nnode 2")
                                            : QStringLiteral("10923-16383, \u2026\nnode 2")),
                         qPrintable(at + two->text));
                QCOMPARE(f.find(QStringLiteral("seg:0"))->text, QStringLiteral("0-5460\nnode 0"));
            }
        }
        // More runs: the run and how many more (an ellipsis where that does not fit).
        s.owner[5470] = 0;
        s.owner[5480] = 2;
        for (const qreal width : {fg::HashslotDiagram::kWidth, fg::HashslotDiagram::kHalfWidth}) {
            const fg::Frame f = fg::HashslotDiagram::layout(s, nullptr, fg::Theme::light(), width);
            QCOMPARE(f.find(QStringLiteral("seg:5481"))->text,
                     QStringLiteral("5481-10777 and 3 more\nnode 1"));
        }
    }

    // A segment whose range and owner fit it says them, with its owner's other runs or not: the
    // third of node 6's runs said "node 6" alone, where "10923-12287, ..." did not fit but
    // "10923-12287" did (tester 41).
    void aRangeThatFitsIsSaidWhateverTheOwnersOtherRuns() {
        fg::redis::ClusterState s = fg::redis::ClusterEngine(7, 0).initialState();
        for (const auto& [from, to] : {std::pair{0, 1365}, {5461, 6827}, {10923, 12288}}) {
            for (int slot = from; slot < to; ++slot) {
                s.owner[static_cast<std::size_t>(slot)] = 6;
            }
        }
        int said = 0;
        for (const fg::Theme& theme : {fg::Theme::light(), fg::Theme::projector()}) {
            for (const qreal width :
                 {fg::HashslotDiagram::kWidth, fg::HashslotDiagram::kHalfWidth}) {
                const fg::Frame f = fg::HashslotDiagram::layout(s, nullptr, theme, width);
                for (const auto& it : f.items) {
                    if (!it.id.startsWith(QStringLiteral("seg:"))) {
                        continue;
                    }
                    const int start = it.id.section(QLatin1Char(':'), 1).toInt();
                    const QString range = it.toolTip.section(QLatin1Char(' '), 1, 1);
                    fg::FrameItem alone = it;
                    const int owner = s.owner[static_cast<std::size_t>(start)];
                    const QString last = range.section(QLatin1Char('-'), 1);
                    alone.text =
                        QStringLiteral("%1\nnode %2")
                            .arg(range.section(QLatin1Char('-'), 0, 0) == last ? last : range)
                            .arg(owner);
                    if (fg::frameTextSize(alone).width() > fg::frameTextRoom(alone).width()) {
                        continue;
                    }
                    ++said;
                    QVERIFY2(it.text.startsWith(alone.text.section(QLatin1Char('\n'), 0, 0)),
                             qPrintable(QStringLiteral("%1 at %2 units: \"%3\", not \"%4\"")
                                            .arg(theme.name())
                                            .arg(width)
                                            .arg(it.text, alone.text)));
                }
            }
        }
        QVERIFY(said >= 8);
    }

    // A master added to three takes 1,365 slots from each: in the drawing's width each of its
    // runs said "node 6" only, and the key routed to slot 12182 lay in a range no label named
    // (tester 44). A range is set a little smaller (not under 0.8 of the bar's type) before it
    // is left out.
    void aNewMastersRunsSayTheirRanges() {
        const std::vector<fg::redis::ClusterOp> ops{
            route("foo", true), fg::redis::ClusterOp::addNode(), route("foo", false)};
        const fg::HashslotDiagram d(3, 1, ops);
        for (const fg::Theme& t : {fg::Theme::light(), fg::Theme::dark()}) {
            const fg::Frame f = d.frame(d.stepCount() - 1, t);
            const qreal barType = f.find("seg:1365")->fontPx;
            int runs = 0;
            for (const auto& it : f.items) {
                if (!it.id.startsWith(QStringLiteral("seg:")) || !it.text.endsWith("node 6")) {
                    continue;
                }
                ++runs;
                const QString first = it.id.section(QLatin1Char(':'), 1);
                QVERIFY2(it.text.startsWith(first),
                         qPrintable(QStringLiteral("%1: \"%2\"").arg(it.id, it.text)));
                QVERIFY(it.fontPx >= 0.8 * barType - 1e-6);
                QVERIFY(fg::frameTextSize(it).width() <= fg::frameTextRoom(it).width());
            }
            QCOMPARE(runs, 3);
        }
    }

    // A slot range's label is whole or not drawn: in the projector's type a narrow segment cut
    // "5461-6826" to "5461-682" (the fourth master's preset), a different number from afar.
    void everyRangeLabelIsWholeInEveryTheme() {
        fg::HashslotView view;
        int checked = 0;
        for (QAction* preset : view.presetActions()) {
            preset->trigger();
            const auto* d =
                static_cast<const fg::HashslotDiagram*>(view.panel()->canvas()->source());
            for (const fg::Theme& theme :
                 {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
                for (int i = -1; i < d->stepCount(); ++i) {
                    for (const auto& it : d->frame(i, theme).items) {
                        if (!it.id.startsWith("seg:") || it.text.isEmpty()) {
                            continue;
                        }
                        ++checked;
                        QVERIFY2(fg::frameTextSize(it).width() <= fg::frameTextRoom(it).width(),
                                 qPrintable(QStringLiteral("%1, step %2: \"%3\" in %4 units")
                                                .arg(preset->text())
                                                .arg(i)
                                                .arg(it.text)
                                                .arg(it.rect.width())));
                    }
                }
            }
        }
        QVERIFY(checked > 0);
    }

    void aNewNodeHasOneColourInTheDiagramAndTheHistogram() {
        // Issue 13: node 6 (added to 3 masters with a replica each) was drawn in one colour and
        // its histogram bar in another.
        fg::HashslotView v;
        v.setScenario(3, 1, hashslotScenario());
        v.panel()->player()->toEnd();
        const fg::Frame f = v.panel()->canvas()->currentFrame();
        int bars = 0;
        for (int i = 0; i < v.chart()->plottableCount(); ++i) {
            auto* bar = qobject_cast<QCPBars*>(v.chart()->plottable(i));
            QVERIFY(bar);
            const double x = bar->data()->constBegin()->key;
            // The bars stand in the order of the masters in the state.
            std::vector<int> masters;
            for (const auto& n : d_state(v).nodes) {
                if (!n.removed && n.replicaOf < 0) {
                    masters.push_back(n.id);
                }
            }
            const int id = masters.at(std::size_t(x));
            const auto* box = f.find(QStringLiteral("node:%1").arg(id));
            QVERIFY(box);
            QCOMPARE(bar->brush().color().rgb(), box->stroke.rgb());
            ++bars;
        }
        QCOMPARE(bars, 4);
    }

    // Tester 45: with 1,000 masters the status line listed every one, 30 lines that squeezed
    // the drawing. Past kMastersListed it gives their range, on one line at most.
    void theStatusLineSaysManyMastersKeysInOneLine() {
        for (const int masters : {fg::HashslotView::kMastersListed, 1000}) {
            fg::HashslotView v;
            QVERIFY(v.loadScenario({{"engine", "hashslot"},
                                    {"params", {{"nodes", masters}, {"replicas", 0}}},
                                    {"ops", {{{"op", "route"}, {"key", "user:1"}}}}}));
            v.waitForBuild();
            v.panel()->player()->toEnd();
            const QString text = v.countersText();
            if (masters <= fg::HashslotView::kMastersListed) {
                QVERIFY2(text.contains(QStringLiteral("node %1: ").arg(masters - 1)),
                         qPrintable(text));
            } else {
                QVERIFY2(text.size() < 200, qPrintable(text.left(300)));
                QVERIFY2(text.contains(QStringLiteral("0 to 0 on each of 1000 masters")),
                         qPrintable(text));
            }
        }
    }

    // A fresh tester: an empty band of ~60 px between the playback row and the histogram, the
    // row of a legend the histogram does not show. The plot starts at the chart's top, less the
    // half line its top tick label needs.
    void theHistogramHasNoEmptyBandAboveIt() {
        fg::HashslotView v;
        v.resize(1200, 800);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.panel()->player()->toEnd();
        v.chart()->replot();
        const int top = v.chart()->axisRect()->rect().top();
        const int halfLine = QFontMetrics(v.chart()->yAxis->tickLabelFont()).height() / 2;
        QVERIFY2(top <= halfLine + 8, qPrintable(QStringLiteral("the plot starts %1 px down, "
                                                                "its top label needs %2")
                                                     .arg(top)
                                                     .arg(halfLine)));
    }

    // A fresh tester added five masters in the projector's type: each master's box was cut at
    // both ends ("ode 0 (maste", "48 slots · 0 k"). From 1 to 40 masters, in every theme, every
    // box's text fits it whole, and the boxes stay apart.
    void everyMastersBoxHoldsItsTextWhole() {
        QStringList faults;
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            for (int masters : {1, 3, 6, 8, 12, 16, 24, 40}) {
                fg::Status st;
                const auto source =
                    fg::makeDiagramSource({{"engine", "hashslot"},
                                           {"params", {{"nodes", masters}, {"replicas", 1}}},
                                           {"ops", {{{"op", "route"}, {"key", "user:1"}}}}},
                                          st, std::nullopt);
                QVERIFY2(source, st.message().c_str());
                const fg::Frame f = source->frame(source->stepCount() - 1, theme);
                std::vector<QRectF> boxes;
                for (const auto& it : f.items) {
                    if (it.kind != fg::FrameItem::Kind::Box || !it.id.startsWith("node:")) {
                        continue;
                    }
                    const QSizeF need = fg::frameTextSize(it);
                    const QRectF room = fg::frameTextRoom(it);
                    if (need.width() > room.width() + 0.5 || need.height() > room.height() + 0.5 ||
                        !QRectF(QPointF(0, 0), f.size).contains(it.rect)) {
                        faults << QStringLiteral("%1, %2 masters, %3: \"%4\" needs %5x%6 in %7x%8")
                                      .arg(theme.name())
                                      .arg(masters)
                                      .arg(it.id, QString(it.text).replace('\n', " / "))
                                      .arg(need.width(), 0, 'f', 0)
                                      .arg(need.height(), 0, 'f', 0)
                                      .arg(room.width(), 0, 'f', 0)
                                      .arg(room.height(), 0, 'f', 0);
                    }
                    for (const QRectF& other : boxes) {
                        if (other.intersects(it.rect)) {
                            faults << QStringLiteral("%1, %2 masters: %3 overlaps another box")
                                          .arg(theme.name())
                                          .arg(masters)
                                          .arg(it.id);
                        }
                    }
                    boxes.push_back(it.rect);
                }
            }
        }
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join('\n')));
    }

    // A fresh tester (issue 13): with more masters than tones, two nodes looked the same, and
    // most segments of the bar said nothing (a range too wide for them, so no label at all).
    // Every segment wide enough for its owner's number names its owner; and two masters drawn
    // in one tone differ in their border (solid, dashed, dotted), in every theme.
    void everySegmentNamesItsOwner() {
        QStringList faults;
        int named = 0;
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            for (int masters : {3, 8, 12, 16}) {
                fg::redis::ClusterOp add;
                add.kind = ClusterKind::AddNode;
                const fg::HashslotDiagram d(masters, 0, {add, add, route("user:1000", false)});
                const auto s = d.timeline().stateAfter(std::size_t(d.stepCount() - 1));
                const fg::Frame f = d.frame(d.stepCount() - 1, theme);
                for (const auto& it : f.items) {
                    if (!it.id.startsWith("seg:")) {
                        continue;
                    }
                    const int owner = s.owner[std::size_t(it.id.mid(4).toInt())];
                    fg::FrameItem number = it;
                    number.text = QString::number(owner);
                    if (fg::frameTextSize(number).width() > fg::frameTextRoom(number).width()) {
                        continue; // too narrow for any text
                    }
                    ++named;
                    const QString last = it.text.section('\n', -1).section(' ', -1);
                    if (last != QString::number(owner)) {
                        faults << QStringLiteral("%1, %2 masters: %3 (%4 units, node %5) says "
                                                 "\"%6\"")
                                      .arg(theme.name())
                                      .arg(masters)
                                      .arg(it.id)
                                      .arg(it.rect.width(), 0, 'f', 0)
                                      .arg(owner)
                                      .arg(QString(it.text).replace('\n', " / "));
                    }
                }
                std::map<QRgb, std::set<int>> styles; // a tone: the borders drawn in it
                std::map<QRgb, int> boxes;
                for (const auto& it : f.items) {
                    if (it.id.startsWith("node:") && it.kind == fg::FrameItem::Kind::Box) {
                        styles[it.stroke.rgb()].insert(int(it.penStyle));
                        ++boxes[it.stroke.rgb()];
                    }
                }
                for (const auto& [tone, n] : boxes) {
                    if (n <= 3 && int(styles[tone].size()) != n) {
                        faults << QStringLiteral("%1, %2 masters: %3 boxes in %4, %5 borders")
                                      .arg(theme.name())
                                      .arg(masters)
                                      .arg(n)
                                      .arg(QColor(tone).name())
                                      .arg(styles[tone].size());
                    }
                }
            }
        }
        QVERIFY(named > 50);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join('\n')));
    }

    // A fresh tester with 12 masters: many slivers of the bar said nothing, and with more masters
    // than tones the colour did not say whose they were. Every segment, named or not, says its
    // range and its owner when the pointer rests on it.
    void theBarSaysWhoseEverySliverIsUnderThePointer() {
        fg::redis::ClusterOp add;
        add.kind = ClusterKind::AddNode;
        fg::HashslotView v;
        v.resize(1280, 800);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.setScenario(10, 0, {add, add, route("user:1000", false)});
        fg::Player* player = v.panel()->player();
        player->toEnd();
        const auto* d = static_cast<const fg::HashslotDiagram*>(v.panel()->canvas()->source());
        const auto& s = d->stateAt(player->position());
        const fg::Frame f = d->frame(player->position(), v.theme());
        int slivers = 0, segments = 0;
        for (const auto& it : f.items) {
            if (!it.id.startsWith("seg:")) {
                continue;
            }
            ++segments;
            slivers += it.text.isEmpty() ? 1 : 0;
            const int first = it.id.mid(4).toInt();
            const int owner = s.owner[std::size_t(first)];
            QVERIFY2(it.toolTip.startsWith(QStringLiteral("Slots %1-").arg(first)) &&
                         it.toolTip.endsWith(QStringLiteral("node %1").arg(owner)),
                     qPrintable(it.id + ": " + it.toolTip));
            const QRectF r = v.panel()->canvas()->itemRect(it.id);
            QCOMPARE(v.panel()->canvas()->toolTipAt(r.center()), it.toolTip);
        }
        QVERIFY2(slivers > 0 && segments > 12,
                 qPrintable(QStringLiteral("%1 slivers of %2").arg(slivers).arg(segments)));
    }

    // A fresh tester: the MOVED arrow ran straight across the boxes between the two nodes,
    // through their text. A redirect's path (and its name) crosses no other node's box.
    void aRedirectGoesRoundTheOtherNodes() {
        int redirects = 0;
        for (int masters : {3, 5, 8}) {
            fg::redis::ClusterOp add;
            add.kind = ClusterKind::AddNode;
            std::vector<fg::redis::ClusterOp> ops;
            for (int k = 0; k < 40; ++k) {
                ops.push_back(route("user:" + std::to_string(k), true));
            }
            ops.push_back(add);
            for (int k = 0; k < 40; ++k) {
                ops.push_back(route("user:" + std::to_string(k), false));
            }
            const fg::HashslotDiagram d(masters, 1, ops);
            for (int i = 0; i < d.stepCount(); ++i) {
                const auto& step = d.timeline().step(std::size_t(i));
                if (step.redirect == fg::redis::Redirect::kNone) {
                    continue;
                }
                const fg::Frame f = d.frame(i, fg::Theme::projector());
                QVERIFY(f.find("route-redirect") && f.find("route-redirect-label"));
                ++redirects;
                for (const auto& box : f.items) {
                    if (!box.id.startsWith("node:") || box.kind != fg::FrameItem::Kind::Box ||
                        box.id == QStringLiteral("node:%1").arg(step.first) ||
                        box.id == QStringLiteral("node:%1").arg(step.node)) {
                        continue;
                    }
                    for (const auto& it : f.items) {
                        const bool path = it.id.startsWith("route-redirect");
                        const bool crosses =
                            it.kind == fg::FrameItem::Kind::Line
                                ? box.rect.intersects(QRectF(it.line.p1(), it.line.p2())
                                                          .normalized()
                                                          .adjusted(-1, -1, 1, 1))
                                : box.rect.intersects(it.rect);
                        QVERIFY2(!path || !crosses,
                                 qPrintable(QStringLiteral("%1 masters, step %2: %3 crosses %4")
                                                .arg(masters)
                                                .arg(i)
                                                .arg(it.id, box.id)));
                    }
                }
            }
        }
        QVERIFY(redirects >= 3);
    }

    // A client two maps behind (client-map) asks a master that neither owns nor imports the
    // slot: MOVED to the owner, then ASK to the importing master. Drawn as one ASK out of the
    // node first asked, the picture said that node replied ASK; each reply is drawn from the node
    // that gave it to the node it names, with its name, the labels apart and under the marker.
    void aClientTwoMapsBehindIsDrawnMovedThenAsk() {
        const int slot = fg::redis::keySlot("u");
        const std::vector<fg::redis::ClusterOp> ops{
            route("{u}a", true), route("{u}b", true), fg::redis::ClusterOp::migrate(slot, 0, 1),
            fg::redis::ClusterOp::clientMap(slot, 1), route("{u}a", false)};
        const fg::HashslotDiagram d(4, 0, ops);
        const int last = d.stepCount() - 1;
        const auto& step = d.timeline().step(std::size_t(last));
        QCOMPARE(step.replies.size(), std::size_t(2));
        const int owner = step.replies[0].to; // slot 11826: master 2 of 4
        QCOMPARE(owner, 2);
        for (const fg::Theme& t : {fg::Theme::light(), fg::Theme::projector()}) {
            const fg::Frame f = d.frame(last, t);
            const auto* moved = f.find("route-redirect-0-label");
            const auto* ask = f.find("route-redirect-label");
            QVERIFY(moved && ask);
            QCOMPARE(moved->text, QStringLiteral("MOVED"));
            QCOMPARE(ask->text, QStringLiteral("ASK"));
            QVERIFY(!moved->rect.intersects(ask->rect));
            const auto box = [&](int node) { return f.find(QStringLiteral("node:%1").arg(node)); };
            const auto* up = f.find("route-redirect-0-up");
            const auto* down = f.find("route-redirect-0");
            QVERIFY(up && down && box(1) && box(owner) && box(0));
            QVERIFY(box(1)->rect.left() <= up->line.p1().x() &&
                    up->line.p1().x() <= box(1)->rect.right());
            QVERIFY(box(owner)->rect.left() <= down->line.p2().x() &&
                    down->line.p2().x() <= box(owner)->rect.right());
            const auto* askUp = f.find("route-redirect-up");
            const auto* askDown = f.find("route-redirect");
            QVERIFY(box(owner)->rect.left() <= askUp->line.p1().x() &&
                    askUp->line.p1().x() <= box(owner)->rect.right());
            QVERIFY(box(0)->rect.left() <= askDown->line.p2().x() &&
                    askDown->line.p2().x() <= box(0)->rect.right());
            QVERIFY(moved->rect.top() >= f.find("slot-marker")->rect.bottom());
        }
    }

    // A tester, after a failover: the failed node still read "failed: node 0 (master)". A failed
    // master's box says it failed, not that it is a master; its promoted replica is a master.
    void aFailedMasterIsNoLongerCalledAMaster() {
        fg::redis::ClusterOp fail;
        fail.kind = ClusterKind::FailNode;
        fail.node = 0;
        const fg::HashslotDiagram d(3, 1, {route("foo", true), fail, route("foo", false)});
        const fg::redis::ClusterState& s = d.timeline().stateAfter(std::size_t(d.stepCount() - 1));
        const fg::Frame f = d.frame(d.stepCount() - 1, fg::Theme::light());
        int promoted = -1;
        for (const auto& n : s.nodes) {
            promoted = n.replicaOf < 0 && n.id != 0 && n.id >= 3 ? n.id : promoted;
        }
        QVERIFY(promoted >= 3);
        for (const auto& it : f.items) {
            if (it.id == QLatin1String("node:0")) {
                QVERIFY2(it.text.contains(QLatin1String("failed")) &&
                             !it.text.contains(QLatin1String("master")),
                         qPrintable(it.text));
            }
            if (it.id == QStringLiteral("node:%1").arg(promoted)) {
                QVERIFY2(it.text.contains(QLatin1String("master")), qPrintable(it.text));
            }
        }
        // The histogram under the drawing says it too.
        fg::HashslotView v;
        v.resize(1920, 1080);
        v.show();
        for (QAction* preset : v.presetActions()) {
            if (preset->text().contains(QLatin1String("fails"))) {
                preset->trigger();
            }
        }
        v.panel()->player()->toEnd();
        v.chart()->replot();
        const auto ticker =
            qSharedPointerDynamicCast<QCPAxisTickerText>(v.chart()->xAxis->ticker());
        QVERIFY(ticker);
        bool failedNamed = false;
        for (const QString& label : ticker->ticks()) {
            QVERIFY2(!label.contains(QLatin1String("master node 0")), qPrintable(label));
            failedNamed = failedNamed || (label.contains(QLatin1String("node 0")) &&
                                          label.contains(QLatin1String("failed")));
        }
        QVERIFY2(failedNamed, qPrintable(QStringList(ticker->ticks().values()).join(" | ")));
    }

    // The resharding preset shows what its name says: a client sent on with ASK while the slot
    // is half moved, then MOVED once it has moved whole (it "moved" the slot to its owner and
    // said only "Node 2 already owns slot 11826": tester 43).
    void theReshardingPresetAsksThenMoves() {
        fg::HashslotView v;
        bool found = false;
        for (QAction* preset : v.presetActions()) {
            if (preset->text().contains(QLatin1String("ASK"))) {
                preset->trigger();
                found = true;
            }
        }
        QVERIFY(found);
        v.panel()->player()->toEnd();
        const int slot = fg::redis::keySlot("u");
        const auto* d = static_cast<const fg::HashslotDiagram*>(v.panel()->canvas()->source());
        const int owner = d->timeline().stateAfter(0).owner[static_cast<std::size_t>(slot)];
        const fg::redis::ClusterState& end = d_state(v);
        QVERIFY(end.stats.ask >= 1);
        QVERIFY(end.stats.moved >= 1);
        QVERIFY(end.owner[static_cast<std::size_t>(slot)] != owner);
        QCOMPARE(end.keyNode.at("{u}:a"), end.owner[static_cast<std::size_t>(slot)]);
        QCOMPARE(end.keyNode.at("{u}:b"), end.owner[static_cast<std::size_t>(slot)]);
    }

    // A tester read "CRC16 0x1d0d" over the drawing and "0x1D0D" in the sentence under it.
    void theCrcIsWrittenAlikeInTheDrawingAndTheSentence() {
        const fg::HashslotDiagram d(3, 0, {route("user:1000", true)});
        const fg::Frame frame = d.frame(0, fg::Theme::light()); // find() points into it
        const fg::FrameItem* label = frame.find("route-label");
        QVERIFY(label);
        const QString hex = label->text.section(QStringLiteral("CRC16 "), 1).section(' ', 0, 0);
        QVERIFY2(hex.startsWith(QLatin1String("0x")) && hex.size() == 6, qPrintable(label->text));
        QVERIFY2(d.narration(0).contains(hex), qPrintable(hex + " / " + d.narration(0)));
    }

    // A tester SET a 1,000-character key: the line over the bar, cut at both ends, read
    // "... slot 3" for slot 3195. The line fits the bar, and ends with the whole slot number.
    void theRouteLineFitsWithItsSlotWhateverTheKey() {
        for (const std::string& key :
             {std::string(1000, 'x'), "{" + std::string(1000, 't') + "}.cart", std::string("k")}) {
            const fg::HashslotDiagram d(3, 0, {route(key, true)});
            const fg::Frame frame = d.frame(0, fg::Theme::light()); // find() points into it
            const fg::FrameItem* label = frame.find("route-label");
            QVERIFY(label);
            const QString slot = QStringLiteral("slot %1").arg(fg::redis::keySlot(key));
            QVERIFY2(label->text.endsWith(slot), qPrintable(label->text));
            QVERIFY2(fg::frameTextSize(*label).width() <= label->rect.width(),
                     qPrintable(QStringLiteral("%1 px in %2: %3")
                                    .arg(fg::frameTextSize(*label).width())
                                    .arg(label->rect.width())
                                    .arg(label->text)));
        }
    }

    void stepBackRedrawsTheEarlierFrame() {
        const fg::HashslotDiagram d(3, 1, hashslotScenario());
        expectStepBackExact(d, QSize(900, 500));
    }

    void typingAKeySetsIt() {
        fg::HashslotView v;
        const auto before = v.ops().size();
        auto* key = v.findChild<QLineEdit*>();
        key->setText("{user:7}.cart");
        QTest::keyClick(key, Qt::Key_Return);
        QCOMPARE(v.ops().size(), before + 1);
        QCOMPARE(v.ops().back().key, std::string("{user:7}.cart"));
    }

    // A tester failed node 99: a step was added that changed nothing, Save wrote it, and the
    // file (and the tab, at the next start) did not open again. What the cluster would refuse is
    // said and not added; what it accepts is added; the scenario always opens again.
    void whatTheClusterRefusesIsSaidAndNotAdded() {
        fg::HashslotView v;
        v.clearScenario(); // 3 masters and a replica each: nodes 0 to 5
        QPushButton *fail = nullptr, *move = nullptr, *moveOne = nullptr, *remove = nullptr;
        for (auto* b : v.findChildren<QPushButton*>()) {
            fail = b->text() == "Fail node" ? b : fail;
            move = b->text() == "Move slot to node" ? b : move;
            moveOne = b->text() == "Move one key" ? b : moveOne;
            remove = b->text() == "Remove node" ? b : remove;
        }
        QVERIFY(fail && move && moveOne && remove);
        QSpinBox* nodeBox = nullptr;
        for (auto* box : v.findChildren<QSpinBox*>()) {
            nodeBox = box->accessibleName() == "Node" ? box : nodeBox;
        }
        QVERIFY(nodeBox);
        const auto said = [&v](const QString& text) {
            for (auto* l : v.findChildren<QLabel*>()) {
                if (l->isVisibleTo(&v) && l->text().contains(text)) {
                    return true;
                }
            }
            return false;
        };
        v.show();
        nodeBox->setValue(99);
        for (QPushButton* b : {fail, move, moveOne, remove}) {
            b->click();
            QCOMPARE(v.ops().size(), std::size_t{0});
            QVERIFY2(said("node 99"), qPrintable(b->text()));
        }
        nodeBox->setValue(3); // a replica: it fails, but owns no slot
        move->click();
        QCOMPARE(v.ops().size(), std::size_t{0});
        QVERIFY(said("live master"));
        fail->click();
        QCOMPARE(v.ops().size(), std::size_t{1});
        fail->click(); // down already
        QCOMPARE(v.ops().size(), std::size_t{1});
        QVERIFY(said("no live node 3"));
        const nlohmann::json saved = v.scenarioJson();
        fg::HashslotView again;
        QVERIFY(again.loadScenario(saved));
        QCOMPARE(again.ops().size(), std::size_t{1});
    }
};

FG_TEST_MAIN(TestHashslotDiagram)
#include "test_hashslot_diagram.moc"
