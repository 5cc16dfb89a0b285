#include "widgets/lab/pg_tree_drawing.h"

#include "engines/btree/btree.h"
#include "lab/btree_compare.h"
#include "widgets/canvas/counted.h"
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <functional>
#include <unordered_set>

namespace fg {

using btree::NodeId;

namespace {

// The words of this file under one context, the same for lupdate and the app (a free tr() helper
// was read by lupdate as context "fg", while the app asked for "fg::PgTreeDrawing": never found).
struct PgTreeWords {
    Q_DECLARE_TR_FUNCTIONS(fg::PgTreeDrawing)
};

// The most items one node must hold: a leaf's keys and its high key, an internal page's
// separators (one fewer than its downlinks), and one slot for the moment of an insert.
int orderFor(const lab::PgIndex& index) {
    std::size_t most = 2;
    for (const lab::PgIndexPage& p : index.pages) {
        most = std::max({most, p.keys.size() + 1, p.downlinks.size()});
    }
    return static_cast<int>(most) + 1;
}

struct Builder {
    const lab::PgIndex& index;
    PgTreeState& out;
    std::unordered_map<std::uint32_t, NodeId> nodeOf;

    // The node of `block` and of the pages under it. A page already seen, missing, or not one
    // level down from its parent (a torn read) becomes an empty leaf.
    NodeId build(std::uint32_t block, int level) {
        btree::NodeStore& ns = out.state.nodes;
        const lab::PgIndexPage* p = index.page(block);
        if (!p || nodeOf.count(block) || p->level != level) {
            return ns.add(true);
        }
        const NodeId id = ns.add(p->leaf());
        nodeOf[block] = id;
        out.blockOf[id] = block;
        if (p->leaf()) {
            int i = 0;
            for (const std::int64_t k : p->keys) {
                ns.insertAt(id, i++, k);
            }
            if (p->highKey) {
                ns.insertAt(id, i, *p->highKey);
            }
            return id;
        }
        if (p->downlinks.empty()) {
            return id;
        }
        ns.adoptOnlyChild(id, build(p->downlinks.front().child, level - 1));
        std::int64_t last = p->downlinks.size() > 1 ? p->downlinks[1].key.value_or(0) : 0;
        for (std::size_t d = 1; d < p->downlinks.size(); ++d) {
            last = p->downlinks[d].key.value_or(last);
            const NodeId child = build(p->downlinks[d].child, level - 1);
            ns.insertAt(id, static_cast<int>(d - 1), last, child);
        }
        return id;
    }
};

// A node's box ("node:7"), not an item inside it ("node:7/fill").
bool isNode(const FrameItem& item) {
    return item.id.startsWith(QLatin1String("node:")) && !item.id.contains(QLatin1Char('/'));
}

NodeId nodeIdOf(const FrameItem& item) {
    return static_cast<NodeId>(item.id.mid(5).toUInt());
}

// A gauge along the bottom edge of `node`'s box: `fill` (0..1) of its width.
void addGauge(Frame& f, const FrameItem& node, double fill, const Theme& theme) {
    const qreal h = std::max<qreal>(2.5, 0.2 * node.fontPx);
    const QRectF track(node.rect.left() + 3, node.rect.bottom() - h - 1.5, node.rect.width() - 6,
                       h);
    FrameItem bar;
    bar.id = node.id + QStringLiteral("/fill");
    bar.rect = QRectF(track.topLeft(), QSizeF(track.width() * std::clamp(fill, 0.0, 1.0), h));
    bar.fill = theme.accent;
    bar.stroke = Qt::transparent;
    bar.strokeWidth = 0;
    bar.radius = h / 2;
    bar.z = 3;
    f.items.push_back(bar);
}

// A page's fill as pgstatindex counts it: the bytes in use out of what a page has room for.
double pageFill(const lab::PgIndexPage& p) {
    const double room = p.pageSize - 24 - 16;
    return room > 0 ? 1.0 - p.freeSize / room : 0;
}

QString pageTip(const lab::PgIndexPage& p) {
    const QString kind = p.leaf()                       ? PgTreeWords::tr("leaf")
                         : p.level > 0 && p.type == 'r' ? PgTreeWords::tr("root")
                                                        : PgTreeWords::tr("internal page");
    QString tip =
        PgTreeWords::tr("Block %1, %2 at level %3: %4 items, %5 bytes free of %6 (%7% full).")
            .arg(p.block)
            .arg(kind)
            .arg(p.level)
            .arg(p.liveItems)
            .arg(p.freeSize)
            .arg(p.pageSize)
            .arg(qRound(100 * pageFill(p)));
    if (p.highKey) {
        tip += QLatin1Char(' ') +
               PgTreeWords::tr("High key %1: every key on this page is below it.").arg(*p.highKey);
    }
    tip += QLatin1Char(' ') + (p.next ? PgTreeWords::tr("Right-link to block %1.").arg(p.next)
                                      : PgTreeWords::tr("The rightmost page of its level."));
    return tip;
}

// The keys under a page: its leftmost leaf's first key to its rightmost leaf's last (high keys
// left out), for a box that level of detail draws without its keys.
QString rangeUnder(const lab::PgIndex& index, const lab::PgIndexPage& page) {
    const lab::PgIndexPage* lo = &page;
    const lab::PgIndexPage* hi = &page;
    for (int guard = 0; guard < 64 && lo && !lo->leaf() && !lo->downlinks.empty(); ++guard) {
        lo = index.page(lo->downlinks.front().child);
    }
    for (int guard = 0; guard < 64 && hi && !hi->leaf() && !hi->downlinks.empty(); ++guard) {
        hi = index.page(hi->downlinks.back().child);
    }
    if (!lo || !hi || lo->keys.empty() || hi->keys.empty()) {
        return QStringLiteral("\u2013");
    }
    return QStringLiteral("%1\u2013%2").arg(lo->keys.front()).arg(hi->keys.back());
}

// The high key's cell of an expanded leaf: dotted, muted, its own id and tool tip.
void markHighKey(Frame& f, const FrameItem& node, std::int64_t highKey, const Theme& theme) {
    FrameItem* last = nullptr;
    const QString id = QStringLiteral("key:%1").arg(highKey);
    for (FrameItem& item : f.items) {
        if (item.id == id && node.rect.contains(item.rect.center()) &&
            (!last || item.rect.left() > last->rect.left())) {
            last = &item;
        }
    }
    if (!last) {
        return;
    }
    last->id = QStringLiteral("high:") + node.id.mid(5);
    last->penStyle = Qt::DotLine;
    last->fill = theme.background;
    last->stroke = theme.mutedText;
    last->textColor = theme.mutedText;
    last->toolTip =
        PgTreeWords::tr("The page's high key: an upper bound of its keys, not a key of a row.");
}

// Right-links between drawn pages above the leaves (the diagram links leaves only).
void addUpperLinks(Frame& f, const lab::PgIndex& index,
                   const std::unordered_map<std::uint32_t, QRectF>& rectOfBlock,
                   const Theme& theme) {
    for (const auto& [block, rect] : rectOfBlock) {
        const lab::PgIndexPage* p = index.page(block);
        const auto to = p && !p->leaf() && p->next ? rectOfBlock.find(p->next) : rectOfBlock.end();
        if (to == rectOfBlock.end()) {
            continue;
        }
        FrameItem link;
        link.kind = FrameItem::Kind::Line;
        link.id = QStringLiteral("uplink:%1-%2").arg(block).arg(p->next);
        link.line = QLineF(QPointF(rect.right(), rect.center().y()),
                           QPointF(to->second.left() - theme.lineWidth, to->second.center().y()));
        link.stroke = theme.line;
        link.strokeWidth = theme.lineWidth;
        link.arrow = true;
        link.z = 1;
        f.items.push_back(link);
    }
}

// The diagram's layout; with level of detail, the way from the root to the focus keeps its keys
// (unmarked: a step about that key that lights nothing; marked: a search's found / not-found
// step, its path read).
Frame layoutWithFocus(const btree::State& state, std::optional<TreeFocus> focus,
                      const Theme& theme) {
    if (!focus) {
        return BTreeDiagram::layout(state, nullptr, theme);
    }
    btree::Step way;
    way.kind = btree::StepKind::kDescend;
    way.key = focus->key;
    if (focus->marked) {
        const TreeWay found = wayTo(state, focus->key);
        way.kind = found.found ? btree::StepKind::kFound : btree::StepKind::kNotFound;
        way.path = found.path;
        way.node = found.path.empty() ? btree::kNoNode : found.path.back();
    }
    return BTreeDiagram::layout(state, &way, theme);
}

} // namespace

TreeWay wayTo(const btree::State& state, std::int64_t key) {
    TreeWay way;
    const btree::NodeStore& ns = state.nodes;
    if (state.root == btree::kNoNode) {
        return way;
    }
    for (NodeId x = state.root;;) {
        way.path.push_back(x);
        if (ns.leaf(x)) {
            const int i = ns.lowerBound(x, key);
            way.found = i < ns.size(x) && ns.key(x, i) == key;
            return way;
        }
        x = ns.child(x, ns.upperBound(x, key)); // a key equal to a separator is on its right
    }
}

PgTreeState indexState(const lab::PgIndex& index) {
    btree::Params params = btree::Params::bplusWithOrder(btree::Params::kMinOrder);
    // A real page holds up to 407 keys: the store's slots are sized to the fullest page (the
    // engine's 3..64 bounds its own orders; the drawing only reads the store).
    params.order = orderFor(index);
    PgTreeState out{btree::State(params), {}};
    const lab::PgIndexPage* root = index.page(index.root);
    if (!root) {
        return out;
    }
    out.state.nodes = btree::NodeStore(params.order);
    Builder b{index, out, {}};
    out.state.root = b.build(index.root, root->level);
    for (const auto& [block, id] : b.nodeOf) {
        const lab::PgIndexPage* p = index.page(block);
        const auto next = p->leaf() && p->next ? b.nodeOf.find(p->next) : b.nodeOf.end();
        if (next != b.nodeOf.end()) {
            out.state.nodes.setNext(id, next->second);
        }
    }
    out.state.stats.keys = index.leafKeys();
    out.state.stats.height = index.levels();
    out.state.stats.nodes = static_cast<std::int64_t>(b.nodeOf.size());
    return out;
}

Frame drawIndex(const lab::PgIndex& index, const Theme& theme, std::optional<TreeFocus> focus) {
    const PgTreeState tree = indexState(index);
    Frame f = layoutWithFocus(tree.state, focus, theme);
    std::unordered_map<std::uint32_t, QRectF> rectOfBlock;
    const std::size_t drawn = f.items.size();
    for (std::size_t i = 0; i < drawn; ++i) {
        if (!isNode(f.items[i])) {
            continue;
        }
        const auto block = tree.blockOf.find(nodeIdOf(f.items[i]));
        const lab::PgIndexPage* p =
            block == tree.blockOf.end() ? nullptr : index.page(block->second);
        if (!p) {
            continue;
        }
        FrameItem& node = f.items[i];
        rectOfBlock[p->block] = node.rect;
        node.toolTip = pageTip(*p);
        const bool compact = !node.text.isEmpty();
        if (compact) {
            node.text = rangeUnder(index, *p) +
                        (node.text.endsWith(QChar(0x25BE)) ? QStringLiteral(" \u25BE") : QString());
        }
        const FrameItem copy = node; // the items grow below
        addGauge(f, copy, pageFill(*p), theme);
        if (!compact && p->leaf() && p->highKey) {
            markHighKey(f, copy, *p->highKey, theme);
        }
    }
    addUpperLinks(f, index, rectOfBlock, theme);
    return f;
}

btree::State modelState(int order, std::span<const std::int64_t> keys) {
    const btree::BTreeEngine engine(lab::modelParams(order));
    btree::State state = engine.emptyState();
    SilentSink<btree::Step, btree::State> silent;
    for (const std::int64_t k : keys) {
        engine.apply(state, btree::Op::insert(k), silent);
    }
    return state;
}

Frame drawModel(const btree::State& state, int order, const Theme& theme,
                std::optional<TreeFocus> focus) {
    Frame f = layoutWithFocus(state, focus, theme);
    const std::size_t drawn = f.items.size();
    for (std::size_t i = 0; i < drawn; ++i) {
        if (!isNode(f.items[i])) {
            continue;
        }
        const NodeId id = nodeIdOf(f.items[i]);
        const int size = state.nodes.size(id);
        f.items[i].toolTip =
            (state.nodes.leaf(id)
                 ? PgTreeWords::tr("Leaf: %1 keys of the %2 it may hold.")
                 : PgTreeWords::tr("Inner node: %1 separators of the %2 it may hold."))
                .arg(size)
                .arg(order - 1);
        const FrameItem copy = f.items[i];
        addGauge(f, copy, static_cast<double>(size) / (order - 1), theme);
    }
    return f;
}

namespace {

// The keys a screen reader hears for a page: a leaf's keys, an internal page's separators.
std::vector<std::int64_t> pageKeys(const lab::PgIndexPage& page) {
    if (page.leaf()) {
        return page.keys;
    }
    std::vector<std::int64_t> keys;
    for (const lab::PgDownlink& d : page.downlinks) {
        if (d.key) {
            keys.push_back(*d.key);
        }
    }
    return keys;
}

// "level 2: 3 pages", "leaves: 28 pages, keys 1 to 10000": each level below the root.
QStringList levelsBelowRoot(const lab::PgIndex& index) {
    std::vector<std::int64_t> pages(static_cast<std::size_t>(index.levels()), 0);
    std::vector<std::int64_t> leafKeys;
    for (const lab::PgIndexPage& p : index.pages) {
        if (!p.deleted() && p.level >= 0 && p.level < index.levels()) {
            ++pages[static_cast<std::size_t>(p.level)];
            if (p.leaf() && !p.keys.empty()) {
                leafKeys.push_back(p.keys.front());
                leafKeys.push_back(p.keys.back());
            }
        }
    }
    const auto [lo, hi] = std::minmax_element(leafKeys.begin(), leafKeys.end());
    QStringList parts;
    for (int level = index.level - 1; level >= 0; --level) {
        const auto n = static_cast<qint64>(pages[static_cast<std::size_t>(level)]);
        const QString count =
            inEnglishNumber(PgTreeWords::tr("%Ln page(s)", nullptr, static_cast<int>(n)), n);
        parts << (level > 0
                      ? PgTreeWords::tr("level %1: %2").arg(index.level - level + 1).arg(count)
                  : lo == leafKeys.end()
                      ? PgTreeWords::tr("leaves: %1").arg(count)
                      : PgTreeWords::tr("leaves: %1, keys %2 to %3").arg(count).arg(*lo).arg(*hi));
    }
    return parts;
}

} // namespace

QString spokenIndex(const lab::PgIndex& index) {
    const lab::PgIndexPage* root = index.page(index.root);
    if (!root || index.leafKeys() == 0) {
        return PgTreeWords::tr("PostgreSQL's index: empty.");
    }
    const std::vector<std::int64_t> rootKeys = pageKeys(*root);
    QStringList parts{
        PgTreeWords::tr("root page %1 %2").arg(root->block).arg(spokenKeys(rootKeys))};
    parts << levelsBelowRoot(index);
    return PgTreeWords::tr("PostgreSQL's index, %1, %2: %3.")
        .arg(inEnglishNumber(PgTreeWords::tr("%Ln level(s)", nullptr, index.levels()),
                             index.levels()),
             inEnglishNumber(PgTreeWords::tr("%Ln key(s)", nullptr, int(index.leafKeys())),
                             qint64(index.leafKeys())),
             parts.join(QLatin1String("; ")));
}

PaintFunction framePicture(Frame frame) {
    return [frame = std::move(frame)](QPainter& painter, QSizeF size) {
        const QRectF extent = frame.extent();
        if (extent.isEmpty()) {
            return;
        }
        const qreal scale =
            std::min(size.width() / extent.width(), size.height() / extent.height());
        painter.save();
        painter.translate((size.width() - extent.width() * scale) / 2,
                          (size.height() - extent.height() * scale) / 2);
        painter.scale(scale, scale);
        painter.translate(-extent.topLeft());
        paintFrame(painter, frame);
        painter.restore();
    };
}

} // namespace fg
