#include "widgets/practice/practice_figure.h"

#include "engines/practice/practice_session.h"
#include "engines/redis/slot_ranges.h"
#include "engines/scenario/scenario.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace fg {

namespace {

using json = nlohmann::json;

// The B-Tree an exercise starts from: its scenario for "Show me" without the last operation.
// The node of `tree` that holds `key`, named as a path exercise names it: "[82 98]".
QString nodeWord(const json& tree, qint64 key) {
    if (!tree.is_object()) {
        return {};
    }
    QStringList keys;
    bool holds = false;
    for (const auto& k : tree.value("keys", json::array())) {
        keys << QString::number(k.get<qint64>());
        holds = holds || k.get<qint64>() == key;
    }
    if (holds) {
        return QLatin1Char('[') + keys.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    for (const auto& child : tree.value("children", json::array())) {
        if (QString w = nodeWord(child, key); !w.isEmpty()) {
            return w;
        }
    }
    return {};
}

constexpr qreal kTableRow = 4.0; // lines per row of SSTables: three lines of text and room

json startTree(const practice::Exercise& e) {
    auto show = practice::showMe(e);
    if (!show || show->diagram != "btree" || show->scenario["ops"].empty()) {
        return json();
    }
    show->scenario["ops"].erase(show->scenario["ops"].size() - 1);
    json result;
    if (!scenario::run(show->scenario, result)) {
        return json();
    }
    return result["state"]["root"];
}

struct TreeMetrics {
    qreal keyWidth, height, gapX, gapY;
};

qreal nodeWidth(const json& node, const TreeMetrics& m) {
    return std::max<qreal>(1, static_cast<qreal>(node["keys"].size())) * m.keyWidth;
}

qreal subtreeWidth(const json& node, const TreeMetrics& m) {
    qreal children = 0;
    for (const auto& c : node["children"]) {
        children += subtreeWidth(c, m) + m.gapX;
    }
    return std::max(nodeWidth(node, m), children - (children > 0 ? m.gapX : 0));
}

// How many levels the tables of a get-reads exercise are on (the deepest, plus one).
int levelsOf(const json& given) {
    int levels = 0;
    for (const auto& t : given.value("tables", json::array())) {
        levels = std::max(levels, t.value("level", 0) + 1);
    }
    return levels;
}

int depthOf(const json& node) {
    int d = 0;
    for (const auto& c : node["children"]) {
        d = std::max(d, depthOf(c));
    }
    return d + 1;
}

// Draws `node` centred in [left, left + width) at `top`; returns its box.
// `theirs` is the same place in the student's tree (null: none there), when a difference is
// drawn: a node whose keys differ from it is outlined in the "wrong" colour.
QRectF drawNode(QPainter& p, const json& node, qreal left, qreal top, const TreeMetrics& m,
                const Theme& t, const json* theirs = nullptr, bool compare = false,
                std::vector<std::pair<QRectF, qint64>>* hits = nullptr) {
    const qreal width = subtreeWidth(node, m);
    const qreal w = nodeWidth(node, m);
    const QRectF box(left + (width - w) / 2, top, w, m.height);
    qreal childLeft = left;
    qreal children = 0;
    for (const auto& c : node["children"]) {
        children += subtreeWidth(c, m) + m.gapX;
    }
    childLeft += (width - (children - m.gapX)) / 2;
    for (std::size_t i = 0; i < node["children"].size(); ++i) {
        const json& c = node["children"][i];
        const json* theirChild = nullptr;
        if (theirs && theirs->is_object() && theirs->contains("children") &&
            (*theirs)["children"].is_array() && i < (*theirs)["children"].size()) {
            theirChild = &(*theirs)["children"][i];
        }
        const QRectF child =
            drawNode(p, c, childLeft, top + m.height + m.gapY, m, t, theirChild, compare, hits);
        p.setPen(QPen(t.line, t.lineWidth));
        p.drawLine(QPointF(box.center().x(), box.bottom()),
                   QPointF(child.center().x(), child.top()));
        childLeft += subtreeWidth(c, m) + m.gapX;
    }
    const bool differs = compare && (!theirs || !theirs->is_object() ||
                                     theirs->value("keys", json()) != node["keys"]);
    p.setPen(differs ? QPen(t.bad, t.lineWidth * 3) : QPen(t.line, t.lineWidth));
    p.setBrush(t.surface);
    p.drawRoundedRect(box, 4, 4);
    p.setPen(t.text);
    const auto& keys = node["keys"];
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const QRectF cell(box.left() + static_cast<qreal>(i) * m.keyWidth, box.top(), m.keyWidth,
                          m.height);
        if (i > 0) {
            p.setPen(QPen(t.line, t.lineWidth * 0.6));
            p.drawLine(cell.topLeft(), cell.bottomLeft());
            p.setPen(t.text);
        }
        p.drawText(cell, Qt::AlignCenter, QString::fromStdString(keys[i].dump()));
        if (hits && keys[i].is_number_integer()) { // where a click picks the key
            hits->emplace_back(p.transform().mapRect(cell), keys[i].get<qint64>());
        }
    }
    return box;
}

} // namespace

PracticeFigure::PracticeFigure(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Exercise picture"));
    hide();
}

void PracticeFigure::setTheme(const Theme& theme) {
    theme_ = theme;
    update();
}

void PracticeFigure::setExercise(const practice::Exercise& e) {
    kind_ = Kind::None;
    tree_ = json();
    runEnds_.clear();
    points_.clear();
    picked_ = right_ = -1;
    setAccessibleDescription(QString());
    pickedWords_.clear();
    tables_ = json();
    members_.clear();
    words_.clear();
    assignment_.clear();
    dragging_.clear();
    comparing_ = false;
    yours_ = json();
    marks_.clear();
    pathMode_ = false;
    if (e.engine == "btree") {
        tree_ = startTree(e);
        kind_ = tree_.is_object() ? Kind::Tree : Kind::None;
        pathMode_ = e.type == "path";
        treeCaption_ = printed_ ? QString()
                       : e.type == "insert"
                           ? tr("The tree before the insert (click a key to add it to the keys "
                                "that move up)")
                       : pathMode_ ? tr("The tree (click the nodes the search reads, in order)")
                                   : QString();
    } else if (e.type == "owner-of-key") {
        for (const auto& [first, last] :
             redis::clusterCreateRanges(e.given["masters"].get<int>())) {
            runEnds_.push_back(last);
        }
        kind_ = Kind::Slots;
        setCursor(Qt::PointingHandCursor);
    } else if (!e.fields.empty() &&
               e.fields.front().kind == practice::AnswerField::Kind::PerMember) {
        for (const auto& m : e.fields.front().options) {
            members_ << QString::fromStdString(m);
        }
        for (const auto& w : e.fields.front().words) {
            words_ << QString::fromStdString(w);
        }
        kind_ = Kind::Members;
    } else if (e.type == "get-reads") {
        tables_ = json(e.given);
        // Level 0 newest (highest id) first, as a read meets them (drawn oldest first, they
        // contradicted the question); deeper levels in key order, as given. Sorted once here,
        // not at each paint.
        auto& tables = tables_["tables"];
        std::stable_sort(tables.begin(), tables.end(), [](const json& a, const json& b) {
            const int la = a.value("level", 0), lb = b.value("level", 0);
            return la != lb ? la < lb : la == 0 && a.value("id", 0) > b.value("id", 0);
        });
        kind_ = Kind::Tables;
    } else if (e.type == "bucket") {
        for (const auto& pt : e.given["points"]) {
            points_.emplace_back(pt[0].get<double>(), pt[1].get<double>());
        }
        step_ms_ = e.given["step_s"].get<double>() * 1000.0;
        kind_ = Kind::Series;
    } else if (e.type == "gorilla-bits") { // the points, with no buckets
        for (const auto& pt : e.given["points"]) {
            points_.emplace_back(pt[0].get<double>(), pt[1].get<double>());
        }
        step_ms_ = 0;
        kind_ = Kind::Series;
    }
    if (kind_ == Kind::Slots || kind_ == Kind::Tables || kind_ == Kind::Tree ||
        kind_ == Kind::Members) {
        setCursor(Qt::PointingHandCursor);
    } else {
        unsetCursor();
    }
    setVisible(kind_ != Kind::None);
    updateGeometry();
    update();
}

void PracticeFigure::setMarks(const QStringList& marks) {
    marks_ = marks;
    update();
}

void PracticeFigure::setPicked(int index) {
    picked_ = index;
    update();
}

void PracticeFigure::setRight(int index) {
    right_ = index;
    setAccessibleDescription(index < 0 ? QString() : tr("The right answer: master %1").arg(index));
    updateGeometry(); // the answer is marked under the slots
    update();
}

QSize PracticeFigure::sizeHint() const {
    return {600, heightForWidth(600)};
}

int PracticeFigure::heightForWidth(int width) const {
    const int line = fontMetrics().height();
    switch (kind_) {
    case Kind::Tree:
        return static_cast<int>(depthOf(tree_) * line * 3.2 +
                                (comparing_ || !treeCaption_.isEmpty() ? line * 1.4 : 0)) +
               line;
    case Kind::Slots:
        return right_ >= 0 ? qRound(line * 6.6) : line * 5; // the answer marked under the slots
    case Kind::Series:
        return line * 12;
    case Kind::Tables:
        return static_cast<int>(line * (1.6 + kTableRow * (1 + levelsOf(tables_))));
    case Kind::Members:
        return static_cast<int>(line * (1.6 + 0.8 + 1.6 + 1.6 * (words_.size() + 1)) +
                                poolRows(width) * poolRowHeight());
    case Kind::None:
        break;
    }
    return 0;
}

void PracticeFigure::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme_.background);
    switch (kind_) {
    case Kind::Tree:
        paintTree(p);
        break;
    case Kind::Slots:
        paintSlots(p);
        break;
    case Kind::Series:
        paintSeries(p);
        break;
    case Kind::Tables:
        paintTables(p);
        break;
    case Kind::Members:
        paintMembers(p);
        break;
    case Kind::None:
        break;
    }
}

void PracticeFigure::showTreeAfter(const json& engine, const json& yours) {
    if (kind_ != Kind::Tree || !engine.is_object()) {
        return;
    }
    tree_ = engine;
    yours_ = yours;
    comparing_ = true;
    updateGeometry();
    update();
}

void PracticeFigure::paintTree(QPainter& p) {
    keyHits_.clear();
    const qreal line = fontMetrics().height();
    const QString caption =
        comparing_ ? tr("The engine's tree after the operation; the nodes that differ from yours "
                        "are outlined.")
                   : treeCaption_;
    if (!caption.isEmpty()) {
        p.setPen(theme_.mutedText);
        p.drawText(QRectF(0, 0, width(), line * 1.2), Qt::AlignLeft | Qt::AlignVCenter, caption);
        p.translate(0, line * 1.4);
    }
    const json* yours = comparing_ ? &yours_ : nullptr;
    TreeMetrics m{fontMetrics().horizontalAdvance(QStringLiteral("000")) + line * 0.8, line * 1.6,
                  line * 0.8, line * 1.4};
    const qreal need = subtreeWidth(tree_, m);
    if (need > width() - 8) { // a wide tree is drawn smaller rather than cut
        const qreal s = (width() - 8) / need;
        p.scale(s, s);
        p.translate(4 / s, 4 / s);
        drawNode(p, tree_, 0, line * 0.4, m, theme_, yours, comparing_, &keyHits_);
        return;
    }
    drawNode(p, tree_, (width() - need) / 2, line * 0.4, m, theme_, yours, comparing_, &keyHits_);
}

// The LSM-tree a get reads from: the memtable, then a row per level of its tables, newest first
// on level 0; a click on a table picks it (in the order clicked) as read.
void PracticeFigure::paintTables(QPainter& p) {
    tableHits_.clear();
    const qreal line = fontMetrics().height();
    const qreal rowH = line * kTableRow, boxW = line * 7.5, gap = line * 0.6, left = line * 5;
    p.setPen(theme_.mutedText);
    // One line, elided if the page is narrow (a longer caption ran off the right edge).
    const QString caption =
        printed_ ? tr("The memtable and the SSTables, level by level (level 0 newest first)")
                 : tr("Memtable and SSTables, level 0 newest first: click the tables read, in "
                      "order");
    p.drawText(QRectF(0, 0, width(), line * 1.4), Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(caption, Qt::ElideRight, width()));
    QStringList memKeys;
    for (const auto& m : tables_.value("memtable", json::array())) {
        memKeys << QString::fromStdString(m.value("key", json()).dump());
    }
    const auto rowTop = [&](int row) { return line * 1.6 + row * rowH; };
    p.drawText(QRectF(0, rowTop(0), left - gap, rowH - gap), Qt::AlignRight | Qt::AlignVCenter,
               tr("memtable"));
    const bool memMarked = marks_.contains(QStringLiteral("memtable"));
    p.setPen(QPen(theme_.line, memMarked ? theme_.lineWidth * 3 : theme_.lineWidth));
    p.setBrush(memMarked ? theme_.highlight : theme_.surface);
    const QRectF mem(left, rowTop(0), boxW * 2, rowH - gap);
    p.drawRoundedRect(mem, 4, 4);
    p.setPen(theme_.readableOn(theme_.text, memMarked ? theme_.highlight : theme_.surface));
    p.drawText(mem, Qt::AlignCenter,
               memKeys.isEmpty() ? tr("empty")
                                 : tr("keys %1").arg(memKeys.join(QStringLiteral(", "))));
    std::map<int, int> placed; // level -> tables drawn on it
    for (const auto& t : tables_.value("tables", json::array())) {
        const int level = t.value("level", 0);
        const int col = placed[level]++;
        const QRectF box(left + col * (boxW + gap), rowTop(1 + level), boxW, rowH - gap);
        const QString id = QStringLiteral("#%1").arg(t.value("id", 0));
        const bool picked = pickedWords_.contains(id), marked = marks_.contains(id);
        const QColor fill = marked ? theme_.highlight : theme_.surface; // "being looked at"
        p.setPen(QPen(picked ? theme_.accent : theme_.line,
                      picked || marked ? theme_.lineWidth * 3 : theme_.lineWidth));
        p.setBrush(fill);
        p.drawRoundedRect(box, 4, 4);
        p.setPen(theme_.readableOn(theme_.text, fill));
        p.drawText(box, Qt::AlignCenter,
                   QStringLiteral("%1\n%2 to %3\nbloom: %4")
                       .arg(id)
                       .arg(QString::fromStdString(t.value("min", json()).dump()),
                            QString::fromStdString(t.value("max", json()).dump()),
                            QString::fromStdString(t.value("bloom", std::string()))));
        tableHits_.emplace_back(box, id);
        if (col == 0) {
            p.setPen(theme_.mutedText);
            p.drawText(QRectF(0, box.top(), left - gap, box.height()),
                       Qt::AlignRight | Qt::AlignVCenter, tr("level %1").arg(level));
        }
    }
}

QRectF PracticeFigure::keyCell(qint64 key) const {
    return hitRect(keyHits_, key);
}

QRectF PracticeFigure::tableBox(const QString& id) const {
    return hitRect(tableHits_, id);
}

void PracticeFigure::setPickedWords(const QStringList& words) {
    pickedWords_ = words;
    update();
}

void PracticeFigure::paintSeries(QPainter& p) {
    if (points_.empty()) {
        return;
    }
    const qreal line = fontMetrics().height();
    const QRectF plot(line * 3, line * 0.8, width() - line * 4, height() - line * 2.6);
    auto [tMin, tMax] = std::pair(points_.front().first, points_.back().first);
    if (step_ms_ > 0) { // whole buckets
        tMin = std::floor(tMin / step_ms_) * step_ms_;
        tMax = (std::floor(tMax / step_ms_) + 1) * step_ms_;
    } else { // the points, a little in from the edges
        const double pad = std::max(1.0, (tMax - tMin) * 0.04);
        tMin -= pad;
        tMax += pad;
    }
    double vMin = points_.front().second, vMax = vMin;
    for (const auto& [t, v] : points_) {
        vMin = std::min(vMin, v);
        vMax = std::max(vMax, v);
    }
    if (vMax - vMin < 1e-9) {
        vMin -= 1;
        vMax += 1;
    }
    const auto x = [&](double t) {
        return plot.left() + plot.width() * (t - tMin) / (tMax - tMin);
    };
    const auto y = [&](double v) {
        return plot.bottom() - plot.height() * (v - vMin) / (vMax - vMin);
    };
    // A walkthrough's bucket, shaded while it is looked at.
    for (const QString& m : marks_) {
        if (m.startsWith(QLatin1String("bucket:")) && step_ms_ > 0) {
            const double start = m.mid(7).toDouble();
            p.fillRect(
                QRectF(QPointF(x(start), plot.top()), QPointF(x(start + step_ms_), plot.bottom())),
                theme_.highlight);
        }
    }
    if (step_ms_ > 0) {
        paintBucketEdges(p, plot, tMin, tMax, x);
    }
    p.setPen(theme_.mutedText);
    p.drawText(QRectF(0, y(vMax) - line / 2, line * 2.8, line), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(vMax));
    p.drawText(QRectF(0, y(vMin) - line / 2, line * 2.8, line), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(vMin));
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const QPointF at(x(points_[i].first), y(points_[i].second));
        p.setPen(Qt::NoPen);
        p.setBrush(theme_.accent);
        p.drawEllipse(at, line * 0.22, line * 0.22);
        if (marks_.contains(QStringLiteral("point:%1").arg(i))) { // ringed while looked at
            p.setPen(QPen(theme_.text, theme_.lineWidth * 2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(at, line * 0.5, line * 0.5);
        }
    }
}

void PracticeFigure::paintBucketEdges(QPainter& p, const QRectF& plot, double tMin, double tMax,
                                      const std::function<qreal(double)>& x) {
    const qreal line = fontMetrics().height();
    p.setPen(QPen(theme_.line, theme_.lineWidth * 0.6, Qt::DashLine));
    int n = 0;
    for (double t = tMin; t <= tMax + 1; t += step_ms_, ++n) {
        p.drawLine(QPointF(x(t), plot.top()), QPointF(x(t), plot.bottom()));
        if (t < tMax) {
            p.setPen(theme_.mutedText);
            p.drawText(QRectF(x(t), plot.bottom() + 2, x(t + step_ms_) - x(t), line),
                       Qt::AlignCenter, tr("bucket %1").arg(n + 1));
            p.setPen(QPen(theme_.line, theme_.lineWidth * 0.6, Qt::DashLine));
        }
    }
}

void PracticeFigure::mousePressEvent(QMouseEvent* event) {
    if (kind_ == Kind::Tree && !comparing_) {
        for (const auto& [rect, key] : keyHits_) {
            if (rect.contains(event->position())) {
                // A search's path is named by nodes ("[82 98]"): a key clicked names its node.
                pathMode_ ? emit wordClicked(nodeWord(tree_, key)) : emit keyClicked(key);
                return;
            }
        }
        return;
    }
    if (kind_ == Kind::Members) {
        for (const auto& [rect, word] : chipHits_) {
            if (rect.contains(event->position()) && isEnabled() && !comparing_) {
                dragging_ = word;
                dragAt_ = event->position();
                update();
                return;
            }
        }
        return;
    }
    if (kind_ == Kind::Tables) {
        for (const auto& [rect, id] : tableHits_) {
            if (rect.contains(event->position())) {
                emit wordClicked(id);
                return;
            }
        }
        return;
    }
    if (kind_ != Kind::Slots || !slotBar().contains(event->position())) {
        return;
    }
    const QRectF bar = slotBar();
    const int slot =
        std::clamp(static_cast<int>((event->position().x() - bar.left()) / bar.width() * kSlots), 0,
                   kSlots - 1);
    for (std::size_t i = 0; i < runEnds_.size(); ++i) {
        if (slot <= runEnds_[i]) {
            emit choiceClicked(static_cast<int>(i));
            return;
        }
    }
}

} // namespace fg
