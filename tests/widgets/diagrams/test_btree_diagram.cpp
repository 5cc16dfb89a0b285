// The live B-Tree: what is drawn matches the engine's tree (a box per node, a cell per key, an
// edge per child), a split's median slides into its parent, and stepping back redraws the earlier
// frame exactly. FG_SAVE_FIGURES=<dir> writes frames for a look.
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/btree_diagram.h"

#include <QDir>
#include <QTest>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>

using fg::btree::Op;

namespace {

std::vector<Op> inserts(int n) {
    std::vector<Op> ops;
    for (int k = 1; k <= n; ++k) {
        ops.push_back(Op::insert(k * 10));
    }
    return ops;
}

} // namespace

class TestBTreeDiagram : public QObject {
    Q_OBJECT
private slots:
    void drawsEveryNodeKeyAndEdgeOfTheTree() {
        const fg::BTreeDiagram d(fg::btree::Params::withOrder(4), inserts(30));
        for (int i = -1; i < d.stepCount(); i += 7) {
            const fg::btree::State s = i < 0 ? d.timeline().initialState()
                                             : d.timeline().stateAfter(static_cast<std::size_t>(i));
            const fg::Frame f = d.frame(i, fg::Theme::light());
            int nodes = 0, keys = 0, edges = 0;
            for (std::size_t id = 0; id < s.nodes.idsIssued(); ++id) {
                const auto n = static_cast<fg::btree::NodeId>(id);
                if (s.nodes.live(n)) {
                    ++nodes;
                    keys += s.nodes.size(n);
                    edges += static_cast<int>(s.nodes.children(n).size());
                }
            }
            QCOMPARE(countItems(f, "node:"), nodes);
            QCOMPARE(countItems(f, "key:"), keys);
            QCOMPARE(countItems(f, "edge:"), edges);
        }
    }

    // A tester: one 19-digit key made every key cell of the tree as wide, and the whole tree
    // was shrunk to fit. A key's cell is as wide as its own digits: the short keys' cells are
    // as wide with the long key in the tree as without it, and the tree grows by about the long
    // key's own width only.
    void aLongKeyWidensOnlyItsOwnCell() {
        std::vector<Op> ops = inserts(30);
        const fg::BTreeDiagram plain(fg::btree::Params::withOrder(4), ops);
        ops.push_back(Op::insert(1234567890123456789LL));
        const fg::BTreeDiagram longKey(fg::btree::Params::withOrder(4), ops);
        const fg::Frame a = plain.frame(plain.stepCount() - 1, fg::Theme::light());
        const fg::Frame b = longKey.frame(longKey.stepCount() - 1, fg::Theme::light());
        const fg::FrameItem* shortA = a.find(QStringLiteral("key:50"));
        const fg::FrameItem* shortB = b.find(QStringLiteral("key:50"));
        const fg::FrameItem* big = b.find(QStringLiteral("key:1234567890123456789"));
        QVERIFY(shortA && shortB && big);
        QCOMPARE(shortB->rect.width(), shortA->rect.width());
        QVERIFY2(big->rect.width() > 3 * shortB->rect.width(),
                 qPrintable(QString::number(big->rect.width())));
        // A key's width is its characters': "-10" as wide as "100", "-9" as "10".
        const fg::BTreeDiagram signs(fg::btree::Params::withOrder(8),
                                     {Op::insert(-10), Op::insert(100), Op::insert(-9),
                                      Op::insert(10),
                                      Op::insert(std::numeric_limits<std::int64_t>::min())});
        const fg::Frame c = signs.frame(signs.stepCount() - 1, fg::Theme::light());
        const auto widthOf = [&](const char* key) {
            const fg::FrameItem* it = c.find(QStringLiteral("key:%1").arg(key));
            return it ? it->rect.width() : -1.0;
        };
        QCOMPARE(widthOf("-10"), widthOf("100"));
        QVERIFY(widthOf("-10") > widthOf("10"));
        QCOMPARE(widthOf("-9"), widthOf("10"));
        QVERIFY(widthOf("-9223372036854775808") > widthOf("-10")); // 20 characters
        QVERIFY2(b.size.width() < a.size.width() + 2 * big->rect.width(),
                 qPrintable(QStringLiteral("%1 wide, %2 without the long key")
                                .arg(b.size.width())
                                .arg(a.size.width())));
    }

    void aSmallTreeStandsInTheMiddle() {
        // A tester: the empty tree's root stood at the left of a drawing four cells wide. The
        // root of a tree narrower than the drawing is centred in it, and so is the tree.
        for (int n : {0, 1, 2}) {
            const fg::BTreeDiagram d(fg::btree::Params::withOrder(4), inserts(n));
            const fg::Frame f = d.frame(d.stepCount() - 1, fg::Theme::light());
            const fg::FrameItem* root = nullptr;
            for (const auto& it : f.items) {
                root = !root && it.id.startsWith(QLatin1String("node:")) ? &it : root;
            }
            QVERIFY(root);
            QVERIFY2(root->rect.width() < f.size.width(), "the test needs a narrow tree");
            QVERIFY2(qAbs(root->rect.center().x() - f.extent().center().x()) < 0.5,
                     qPrintable(QStringLiteral("%1 keys: the root's middle at %2 of %3..%4")
                                    .arg(n)
                                    .arg(root->rect.center().x())
                                    .arg(f.extent().left())
                                    .arg(f.extent().right())));
        }
    }

    void aTreeTooWideToReadIsDrawnWithLevelOfDetail() {
        // A tester: the order-64 preset's first split drew the root and two leaves of 32
        // seven-digit keys whole, 5,000 units wide, its digits 5 pixels high on a 1920-pixel
        // desk. A tree wider than 200 font heights is drawn with level of detail (the leaves
        // out of focus are one box naming their range, a long node keeps the keys around the
        // focus), however few keys it holds: fitted to 1880 pixels, its letters are at least 9
        // pixels high. A small tree keeps every key.
        std::vector<Op> ops;
        for (int i = 0; i < 73; ++i) {
            ops.push_back(Op::insert(1'000'000 + (i * 7919) % 9'000'000));
        }
        const fg::BTreeDiagram wide(fg::btree::Params::withOrder(64), ops);
        const fg::Frame f = wide.frame(wide.stepCount() - 1, fg::Theme::light());
        qreal fontPx = 0;
        int keyCells = 0;
        for (const auto& it : f.items) {
            fontPx = std::max(fontPx, it.id.startsWith(QLatin1String("key:")) ? it.fontPx : 0.0);
            keyCells += it.id.startsWith(QLatin1String("key:")) ? 1 : 0;
        }
        QVERIFY(fontPx > 0);
        const qreal onScreen = fontPx * std::min<qreal>(1, 1880 / f.bounds().width());
        QVERIFY2(onScreen >= 9, qPrintable(QStringLiteral("%1 px letters, %2 wide, %3 key cells")
                                               .arg(onScreen)
                                               .arg(f.bounds().width())
                                               .arg(keyCells)));
        QVERIFY2(keyCells < 73, qPrintable(QString::number(keyCells)));
        const fg::BTreeDiagram small(fg::btree::Params::withOrder(4), inserts(30));
        int smallCells = 0;
        for (const auto& it : small.frame(small.stepCount() - 1, fg::Theme::light()).items) {
            smallCells += it.id.startsWith(QLatin1String("key:")) ? 1 : 0;
        }
        QCOMPARE(smallCells, 30);
    }

    void theRootStandsStillFromStepToStep() {
        // A tester: an animation's first frames drew the small tree in the left third of the
        // picture (one camera frames a whole run, and the tree was laid out from its left
        // edge). The root's middle is at x = 0 in every frame, however wide the tree grows, and
        // the frame's extent holds the drawing.
        const fg::BTreeDiagram d(fg::btree::Params::withOrder(3), inserts(40));
        for (int pos = -1; pos < d.stepCount(); ++pos) {
            const fg::Frame f = d.frame(pos, fg::Theme::light());
            const fg::FrameItem* root = nullptr;
            for (const auto& it : f.items) {
                root = !root && it.id.startsWith(QLatin1String("node:")) ? &it : root;
            }
            QVERIFY(root);
            QVERIFY2(qAbs(root->rect.center().x()) < 0.5,
                     qPrintable(QStringLiteral("step %1: the root's middle at %2")
                                    .arg(pos)
                                    .arg(root->rect.center().x())));
            for (const auto& it : f.items) { // boxes and lines (strokes reach past them)
                const QRectF room = f.extent().adjusted(-0.5, -0.5, 0.5, 0.5);
                const bool inside = it.kind == fg::FrameItem::Kind::Line
                                        ? room.contains(it.line.p1()) && room.contains(it.line.p2())
                                        : room.contains(it.rect);
                QVERIFY2(inside,
                         qPrintable(
                             QStringLiteral("step %1: %2 outside the extent").arg(pos).arg(it.id)));
            }
        }
    }

    void aLargeTreesRowsArePackedWithoutOverlap() {
        // With level of detail (past 1,500 keys) the siblings beside the path are one box each:
        // they stand beside the row under them as close as each row allows (the 100,000-key
        // tree was as wide as a slide, its letters ~15 px there). Nodes and "... n more" marks
        // of a row never overlap and keep their order; the drawing is no wider than its widest
        // row and the marks beside it, and no row has a hole wider than twice its least.
        const fg::BTreeDiagram d(fg::btree::Params::withOrder(6),
                                 {Op::insertRandom(4000, 3, 1, 99'999), Op::search(50'000)});
        for (const int step : {d.stepCount() / 2, d.stepCount() - 1}) {
            const fg::Frame f = d.frame(step, fg::Theme::light());
            std::map<int, std::vector<QRectF>> rows; // by top
            for (const auto& it : f.items) {
                if (it.id.startsWith(QLatin1String("node:")) ||
                    it.id.startsWith(QLatin1String("more:"))) {
                    rows[qRound(it.rect.top())].push_back(it.rect);
                }
            }
            QVERIFY(rows.size() >= 3);
            qreal widest = 0;
            for (auto& [top, rects] : rows) {
                std::sort(rects.begin(), rects.end(),
                          [](const QRectF& a, const QRectF& b) { return a.left() < b.left(); });
                for (std::size_t i = 1; i < rects.size(); ++i) {
                    QVERIFY2(rects[i].left() >= rects[i - 1].right() - 0.01,
                             qPrintable(QStringLiteral("step %1, row at %2: %3 and %4 overlap")
                                            .arg(step)
                                            .arg(top)
                                            .arg(rects[i - 1].right())
                                            .arg(rects[i].left())));
                }
                widest = std::max(widest, rects.back().right() - rects.front().left());
                // Side by side with whole subtree widths, a neighbour stood a whole leaf row
                // away from the path: the holes in a row are alike.
                qreal least = std::numeric_limits<qreal>::max(), most = 0;
                for (std::size_t i = 1; i < rects.size(); ++i) {
                    least = std::min(least, rects[i].left() - rects[i - 1].right());
                    most = std::max(most, rects[i].left() - rects[i - 1].right());
                }
                QVERIFY2(rects.size() < 2 || most <= 2 * least + 1,
                         qPrintable(QStringLiteral("step %1, row at %2: holes of %3 to %4")
                                        .arg(step)
                                        .arg(top)
                                        .arg(least)
                                        .arg(most)));
            }
            QVERIFY2(
                f.size.width() <= 1.5 * widest,
                qPrintable(
                    QStringLiteral("%1 wide, its widest row %2").arg(f.size.width()).arg(widest)));
        }
    }

    // With level of detail, a step about a key shows the key: the nodes on the way from the root
    // to it keep their keys. An insert lit its leaf alone, hidden under its parent's range box:
    // the 100,000-key tree's "Insert 7000560 into leaf [...]" showed the root and two boxes.
    // A node drawn compact over hidden nodes names the keys of its whole subtree (a tester read
    // "8260620-8260620", the node's one key, over half of a 100,000-key tree), and its tooltip
    // says what the mark means.
    void aCompactNodeNamesTheKeysUnderIt() {
        const fg::BTreeDiagram d(fg::btree::Params::withOrder(3),
                                 {Op::insertRandom(3000, 5, 1, 999'999)});
        const int last = d.stepCount() - 1;
        const fg::Frame f = d.frame(last, fg::Theme::light());
        const auto& ns = d.timeline().finalState().nodes;
        const std::function<std::pair<fg::btree::Key, fg::btree::Key>(fg::btree::NodeId)> span =
            [&](fg::btree::NodeId id) {
                std::pair<fg::btree::Key, fg::btree::Key> r{ns.keys(id).front(),
                                                            ns.keys(id).back()};
                if (!ns.leaf(id)) {
                    for (const auto ch : ns.children(id)) {
                        const auto c = span(ch);
                        r = {std::min(r.first, c.first), std::max(r.second, c.second)};
                    }
                }
                return r;
            };
        int compact = 0;
        for (const fg::FrameItem& item : f.items) {
            if (!item.id.startsWith(QLatin1String("node:")) || !item.text.contains(QChar(0x25BE))) {
                continue;
            }
            ++compact;
            const auto id = static_cast<fg::btree::NodeId>(item.id.mid(5).toLongLong());
            const auto [lo, hi] = span(id);
            QCOMPARE(item.text, QStringLiteral("%1\u2013%2 \u25BE").arg(lo).arg(hi));
            QVERIFY(item.toolTip.contains(QStringLiteral("not drawn")));
        }
        QVERIFY(compact >= 3);
    }

    void aStepAboutAKeyShowsTheKeyInALargeTree() {
        // Three keys here and there, then thirty past the largest: the rightmost leaf splits
        // again and again.
        std::vector<fg::btree::Key> keys{77'777, 12'345, 98'765};
        for (fg::btree::Key k = 200'001; k <= 200'030; ++k) {
            keys.push_back(k);
        }
        std::vector<Op> ops{Op::insertRandom(4000, 3, 1, 99'999)};
        for (const auto k : keys) {
            ops.push_back(Op::insert(k));
        }
        const fg::BTreeDiagram d(fg::btree::Params::withOrder(6), ops);
        int checked = 0;
        for (int i = 0; i < d.stepCount(); ++i) {
            const auto& step = d.timeline().step(static_cast<std::size_t>(i));
            if (step.kind != fg::btree::StepKind::kInsertLeaf ||
                std::find(keys.begin(), keys.end(), step.key) == keys.end()) {
                continue;
            }
            const fg::Frame f = d.frame(i, fg::Theme::light());
            const QString text = QString::number(step.key);
            const bool shown = std::any_of(f.items.begin(), f.items.end(), [&](const auto& it) {
                return it.text == text && it.opacity > 0.5;
            });
            QVERIFY2(
                shown,
                qPrintable(
                    QStringLiteral("step %1: %2").arg(i).arg(QString::fromStdString(step.text))));
            ++checked;
        }
        QCOMPARE(checked, int(keys.size()));
        // A split and what follows it show the nodes they name, with their keys (a tester saw
        // the leftmost branch at every overflow, split and promotion: their key was unset).
        int splits = 0;
        int ours = 0; // the first step of the inserts after the random ones
        while (d.timeline().step(static_cast<std::size_t>(ours)).key != keys.front()) {
            ++ours;
        }
        for (int i = ours; i < d.stepCount(); ++i) {
            const auto& step = d.timeline().step(static_cast<std::size_t>(i));
            using K = fg::btree::StepKind;
            if (step.kind != K::kOverflow && step.kind != K::kSplit && step.kind != K::kPromote &&
                step.kind != K::kNewRoot) {
                continue;
            }
            const fg::Frame f = d.frame(i, fg::Theme::light());
            for (const std::vector<fg::btree::Key>* named : {&step.keys, &step.otherKeys}) {
                if (named->empty()) {
                    continue;
                }
                QVERIFY2(f.find(QStringLiteral("key:%1").arg(named->front())),
                         qPrintable(QStringLiteral("step %1: %2 (key %3 not drawn)")
                                        .arg(i)
                                        .arg(QString::fromStdString(step.text))
                                        .arg(named->front())));
            }
            ++splits;
        }
        QVERIFY2(splits >= 6, qPrintable(QString::number(splits)));
    }

    void theMedianRisesIntoTheParent() {
        // Order 4: inserting 10, 20, 30, 40 overflows the leaf; 20 (index (4-1)/2 = 1) goes up.
        const fg::BTreeDiagram d(fg::btree::Params::withOrder(4), inserts(4));
        int split = -1;
        for (int i = 0; i < d.stepCount(); ++i) {
            if (d.timeline().step(static_cast<std::size_t>(i)).kind ==
                fg::btree::StepKind::kNewRoot) {
                split = i;
            }
        }
        QVERIFY(split > 0);
        const fg::Frame before = d.frame(split - 2, fg::Theme::light());
        const fg::Frame after = d.frame(split, fg::Theme::light());
        // Before: one leaf [10 20 30 40]. After: 20 alone in the new root, 10 and 30 below it.
        const auto* median = after.find("key:20");
        const auto* left = after.find("key:10");
        QVERIFY(median && left && before.find("key:10"));
        QVERIFY(median->rect.bottom() < left->rect.top());
        QVERIFY(left->rect.top() > before.find("key:10")->rect.top()); // 10 moved down a level
        const fg::Frame mid = fg::tween(before, after, 0.5);
        QVERIFY(mid.find("key:10")->rect.top() > before.find("key:10")->rect.top());
        QVERIFY(mid.find("key:10")->rect.top() < left->rect.top());
    }

    // A B+-tree draws every key once in a leaf ("key:"), its inner keys as separators ("sep:",
    // dashed), an arrow from each leaf to the next one in key order, and a line saying so.
    void aBPlusTreeDrawsItsLeafChainAndSeparators() {
        const fg::BTreeDiagram d(fg::btree::Params::bplusWithOrder(4), inserts(30));
        for (int i = 20; i < d.stepCount(); i += 9) {
            const fg::btree::State s = d.timeline().stateAfter(static_cast<std::size_t>(i));
            const fg::Frame f = d.frame(i, fg::Theme::light());
            const auto& ns = s.nodes;
            int separators = 0;
            std::vector<fg::btree::NodeId> leaves;
            for (fg::btree::NodeId id = 0; id < ns.idsIssued(); ++id) {
                if (ns.live(id) && ns.leaf(id)) {
                    leaves.push_back(id);
                } else if (ns.live(id)) {
                    separators += ns.size(id);
                }
            }
            QCOMPARE(countItems(f, "key:"), static_cast<int>(s.stats.keys));
            QCOMPARE(countItems(f, "sep:"), separators);
            QCOMPARE(countItems(f, "link:"), static_cast<int>(leaves.size()) - 1);
            for (const fg::btree::NodeId a : leaves) {
                if (ns.next(a) == fg::btree::kNoNode) {
                    continue;
                }
                const auto* link = f.find(QStringLiteral("link:%1-%2").arg(a).arg(ns.next(a)));
                const auto* from = f.find(QStringLiteral("node:%1").arg(a));
                const auto* to = f.find(QStringLiteral("node:%1").arg(ns.next(a)));
                QVERIFY(link && from && to && link->arrow);
                QVERIFY(std::abs(link->line.p1().x() - from->rect.right()) < 1e-6);
                QVERIFY(link->line.p2().x() <= to->rect.left());
                QVERIFY(from->rect.right() < to->rect.left()); // left to right
            }
            for (const auto& it : f.items) {
                if (it.id.startsWith("sep:")) {
                    QCOMPARE(it.penStyle, Qt::DashLine);
                }
            }
            if (const auto* legend = f.find("legend")) { // under the tree, inside the frame
                QVERIFY(f.extent().contains(legend->rect));
                for (const auto& it : f.items) {
                    QVERIFY(!it.id.startsWith("node:") || it.rect.bottom() < legend->rect.top());
                }
            }
        }
        // The legend under a tree as wide as it, never under a narrower one (it shrank the tree).
        QVERIFY(d.frame(d.stepCount() - 1, fg::Theme::light()).find("legend"));
        const fg::BTreeDiagram small(fg::btree::Params::bplusWithOrder(4), inserts(4));
        QVERIFY(!small.frame(small.stepCount() - 1, fg::Theme::light()).find("legend"));
        // The textbook tree has neither.
        const fg::BTreeDiagram plain(fg::btree::Params::withOrder(4), inserts(30));
        const fg::Frame f = plain.frame(plain.stepCount() - 1, fg::Theme::light());
        QCOMPARE(countItems(f, "link:") + countItems(f, "sep:"), 0);
        QVERIFY(!f.find("legend"));
    }

    // The separator a leaf split copies up grows out of the leaf's key, which stays below.
    void aCopiedSeparatorGrowsOutOfItsLeafKey() {
        // 60 makes [30 40 50 60] split into [30 40] | [50 60]; a copy of 50 joins the root [30].
        const fg::BTreeDiagram d(fg::btree::Params::bplusWithOrder(4), inserts(6));
        const int last = d.stepCount() - 1;
        QCOMPARE(d.timeline().step(static_cast<std::size_t>(last)).kind,
                 fg::btree::StepKind::kPromote);
        const fg::Frame before = d.frame(last - 2, fg::Theme::light()); // the overflow
        const fg::Frame after = d.frame(last, fg::Theme::light());
        QVERIFY(!before.find("sep:50") && before.find("key:50"));
        const auto* sep = after.find("sep:50");
        QVERIFY(sep && after.find("key:50"));
        QCOMPARE(sep->origin, QStringLiteral("key:50"));
        QVERIFY(sep->rect.bottom() < after.find("key:50")->rect.top());
        const fg::Frame mid = fg::tween(before, after, 0.5);
        QVERIFY(mid.find("sep:50")->rect.center().y() > sep->rect.center().y());
        QVERIFY(mid.find("sep:50")->rect.center().y() < before.find("key:50")->rect.center().y());
    }

    // A range scan's hop along a right-link lights that link, and only that one.
    void aRangeScanLightsTheLinkItFollows() {
        std::vector<Op> ops = inserts(12);
        ops.push_back(Op::range(25, 95));
        const fg::BTreeDiagram d(fg::btree::Params::bplusWithOrder(4), ops);
        int hops = 0;
        for (int i = 0; i < d.stepCount(); ++i) {
            const auto& step = d.timeline().step(static_cast<std::size_t>(i));
            if (step.kind != fg::btree::StepKind::kRangeVisit || step.other == fg::btree::kNoNode) {
                continue;
            }
            ++hops;
            const fg::Frame f = d.frame(i, fg::Theme::light());
            const QString lit = QStringLiteral("link:%1-%2").arg(step.other).arg(step.node);
            for (const auto& it : f.items) {
                if (it.id.startsWith("link:")) {
                    QCOMPARE(it.stroke,
                             it.id == lit ? fg::Theme::light().accent : fg::Theme::light().line);
                }
            }
        }
        QVERIFY(hops >= 3);
    }

    // A large B+-tree is drawn with level of detail: only drawn leaves are linked (an arrow
    // out of a leaf whose next one is hidden), and empty leaves (no merge on delete) and the
    // range scan's leaves draw without trouble.
    void aLargeBPlusTreeKeepsItsChainUnderLevelOfDetail() {
        std::vector<Op> ops;
        for (int k = 1; k <= 3000; ++k) {
            ops.push_back(Op::insert(k));
        }
        for (int k = 1; k <= 1000; ++k) { // the leftmost leaves empty, and stay
            ops.push_back(Op::remove(k));
        }
        ops.push_back(Op::range(500, 1400));
        const fg::BTreeDiagram d(fg::btree::Params::bplusWithOrder(6, 90, false), ops);
        const int last = d.stepCount() - 1;
        for (int i : {last - 3, last - 1, last}) {
            const fg::Frame f = d.frame(i, fg::Theme::light());
            QVERIFY(countItems(f, "link:") > 0);
            QVERIFY(f.items.size() < 400); // level of detail, not the whole tree
            const fg::btree::State& s = d.stateAt(i);
            for (const auto& it : f.items) {
                if (!it.id.startsWith("link:") || it.id.endsWith("-out")) {
                    continue;
                }
                const QStringList ends = it.id.mid(5).split('-');
                QCOMPARE(s.nodes.next(ends[0].toUInt()), ends[1].toUInt());
            }
        }
    }

    void stepBackIsExactInABPlusTree() {
        std::vector<Op> ops = inserts(12);
        ops.push_back(Op::range(15, 75));
        for (int k : {30, 40, 50}) {
            ops.push_back(Op::remove(k));
        }
        const fg::BTreeDiagram d(fg::btree::Params::bplusWithOrder(3), ops);
        expectStepBackExact(d, QSize(800, 400));
    }

    void stepBackRedrawsTheEarlierFrame() {
        auto source =
            std::make_unique<fg::BTreeDiagram>(fg::btree::Params::withOrder(3), inserts(12));
        fg::DiagramCanvas canvas;
        canvas.setSource(source.get());
        std::vector<QImage> seen;
        for (int i = 0; i < source->stepCount(); ++i) {
            canvas.player()->seek(i);
            seen.push_back(canvas.grabFrame(QSize(800, 400)));
        }
        for (int i = source->stepCount() - 1; i >= 0; --i) {
            canvas.player()->seek(i);
            QCOMPARE(canvas.grabFrame(QSize(800, 400)), seen[static_cast<std::size_t>(i)]);
        }
        if (const QByteArray dir = qgetenv("FG_SAVE_FIGURES"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            for (int i : {source->stepCount() / 2, source->stepCount() - 1}) {
                canvas.player()->seek(i);
                canvas.grabFrame(QSize(1200, 560), 1)
                    .save(QStringLiteral("%1/btree-step-%2.png")
                              .arg(QString::fromLocal8Bit(dir))
                              .arg(i));
            }
        }
        canvas.setSource(nullptr);
    }
};

FG_TEST_MAIN(TestBTreeDiagram)
#include "test_btree_diagram.moc"
