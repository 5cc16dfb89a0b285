#include "widgets/decision/architecture.h"

#include "models/decision/json_fields.h"
#include "widgets/canvas/frame.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

using nlohmann::json;

constexpr qreal kGapX = 24, kGapY = 56;
constexpr int kMostRowsOrColumns = 12; // a grid place past it is refused when the file is read
constexpr qreal kPad = 4;              // paintFrame() keeps this much clear inside a box's sides
// A box's name and role wrap at this many characters (or the longest word): a long name
// ("Prometheus / InfluxDB") made every box of its architecture as wide.
constexpr int kLeastWrapChars = 15;

// The font paintFrame() draws a box's text with (bold: the boxes of a flow on screen are).
QFont boxFont(qreal px) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, qRound(px)));
    f.setBold(true);
    return f;
}

// How an architecture's boxes are laid out at a type size: one size for every box, its name
// and role wrapped at about kLeastWrapChars characters, so that five stores side by side fit a
// projector's width at a size that can be read (one line each, the boxes were 220 units wide
// at least and the whole drawing was shrunk to letters of 9-10 px at 1280x800). A row no box
// is in (room for arrows between two rows) is a gap, not a box's height.
struct BoxLayout {
    qreal wrapWidth = 0;
    QSizeF box;
    std::vector<qreal> rowTop; // by row index

    BoxLayout(const Architecture& arch, qreal px) {
        const QFontMetricsF fm(boxFont(px));
        wrapWidth = fm.averageCharWidth() * kLeastWrapChars;
        int rows = 0;
        for (const auto& c : arch.components) {
            for (const QString& word :
                 (c.label + QLatin1Char(' ') + c.role).split(QLatin1Char(' '))) {
                wrapWidth = std::max(wrapWidth, fm.horizontalAdvance(word));
            }
            rows = std::max(rows, c.row + 1);
        }
        qreal w = 0;
        int most = 1;
        for (const auto& c : arch.components) {
            const QStringList lines = text(c, fm).split(QLatin1Char('\n'));
            for (const QString& line : lines) {
                w = std::max(w, fm.horizontalAdvance(line));
            }
            most = std::max(most, int(lines.size()));
        }
        box = QSizeF(std::ceil(w + 2 * kPad + 2 * fm.averageCharWidth()),
                     std::ceil(std::max(2, most) * fm.lineSpacing() + fm.height()));
        std::vector<bool> used(std::size_t(rows), false);
        for (const auto& c : arch.components) {
            used[std::size_t(c.row)] = true;
        }
        qreal y = 20;
        for (int r = 0; r < rows; ++r) {
            rowTop.push_back(y);
            y += (used[std::size_t(r)] ? box.height() : 0) + kGapY;
        }
    }

    QString text(const ArchComponent& c, const QFontMetricsF& fm) const {
        QStringList lines = wrappedLines(c.label, fm, wrapWidth);
        lines << wrappedLines(c.role, fm, wrapWidth);
        return lines.join(QLatin1Char('\n'));
    }

    QRectF cell(const ArchComponent& c) const {
        return QRectF(20 + c.col * (box.width() + kGapX), rowTop[std::size_t(c.row)], box.width(),
                      box.height());
    }
};

// A tone per store family, so the same database has the same colour in every scenario.
QString toneOf(const ArchComponent& c) {
    static const QStringList chapters = {
        QStringLiteral("relational"),    QStringLiteral("redis"),
        QStringLiteral("kafka"),         QStringLiteral("cassandra"),
        QStringLiteral("time-series"),   QStringLiteral("object-storage"),
        QStringLiteral("database-types")};
    const auto i = chapters.indexOf(c.chapter);
    return i < 0 ? QStringLiteral("neutral") : QString(QChar('a' + int(i)));
}

} // namespace

const ArchComponent* Architecture::component(const QString& id) const {
    for (const auto& c : components) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

std::vector<Architecture> loadArchitectures(const QString& path, const Course& course,
                                            std::vector<ContentError>& errors) {
    std::vector<Architecture> out;
    json j;
    if (!readJsonObject(path, j, errors)) {
        return out;
    }
    if (!j.contains("architectures") || !j["architectures"].is_array()) {
        errors.push_back({path, {}, QStringLiteral("expected a list \"architectures\"")});
        return out;
    }
    for (const auto& a : j["architectures"]) {
        Architecture arch;
        arch.id = jsonText(a, "id");
        arch.title = jsonText(a, "title");
        if (!a.is_object()) {
            errors.push_back({path, {}, QStringLiteral("an architecture is not a JSON object")});
            continue;
        }
        for (const auto& c : a.value("components", json::array())) {
            if (!c.is_object()) {
                errors.push_back(
                    {path,
                     {},
                     QStringLiteral("%1: a component is not a JSON object").arg(arch.id)});
                continue;
            }
            ArchComponent comp{jsonText(c, "id"),      jsonText(c, "label"),
                               jsonText(c, "role"),    jsonText(c, "why"),
                               jsonText(c, "chapter"), jsonText(c, "section"),
                               jsonIndex(c, "row", 0), jsonIndex(c, "col", 0)};
            if (!comp.chapter.isEmpty()) {
                const int ci = course.indexOf(comp.chapter);
                if (ci < 0 || (!comp.section.isEmpty() &&
                               !course.chapters[std::size_t(ci)].section(comp.section))) {
                    errors.push_back({path,
                                      {},
                                      QStringLiteral("%1 / %2 links to %3#%4, not in the course")
                                          .arg(arch.id, comp.id, comp.chapter, comp.section)});
                }
            }
            if (comp.row < 0 || comp.row >= kMostRowsOrColumns || comp.col < 0 ||
                comp.col >= kMostRowsOrColumns) {
                errors.push_back({path,
                                  {},
                                  QStringLiteral("%1 / %2 is at row %3, column %4: both must be "
                                                 "from 0 to %5")
                                      .arg(arch.id, comp.id)
                                      .arg(comp.row)
                                      .arg(comp.col)
                                      .arg(kMostRowsOrColumns - 1)});
                continue;
            }
            if (comp.why.isEmpty()) {
                errors.push_back(
                    {path,
                     {},
                     QStringLiteral("%1 / %2 says not why it is there").arg(arch.id, comp.id)});
            }
            arch.components.push_back(comp);
        }
        for (const auto& fl : a.value("flows", json::array())) {
            ArchFlow flow{jsonText(fl, "from"), jsonText(fl, "to"), jsonText(fl, "text")};
            if (!arch.component(flow.from) || !arch.component(flow.to) || flow.text.isEmpty()) {
                errors.push_back({path,
                                  {},
                                  QStringLiteral("%1: a flow from \"%2\" to \"%3\" needs both "
                                                 "components and a text")
                                      .arg(arch.id, flow.from, flow.to)});
                continue;
            }
            arch.flows.push_back(flow);
        }
        out.push_back(std::move(arch));
    }
    return out;
}

QString ArchitectureSource::narration(int position) const {
    return position >= 0 && position < stepCount() ? arch_.flows[std::size_t(position)].text
                                                   : QString();
}

Frame ArchitectureSource::frame(int position, const Theme& t) const {
    Frame f;
    const ArchFlow* flow =
        position >= 0 && position < stepCount() ? &arch_.flows[std::size_t(position)] : nullptr;
    const qreal fs = 14 * t.fontScale;
    const BoxLayout layout(arch_, fs);
    const QFontMetricsF fm(boxFont(fs));
    const auto cellRect = [&layout](const ArchComponent& c) { return layout.cell(c); };
    QRectF bounds;
    for (const auto& c : arch_.components) {
        const bool lit = flow && (flow->from == c.id || flow->to == c.id);
        FrameItem box;
        box.id = QStringLiteral("comp:") + c.id;
        box.rect = cellRect(c);
        const QString tone = toneOf(c);
        box.fill = t.toneFill(tone);
        const bool selected = c.id == selected_;
        box.stroke = selected ? t.text : lit ? t.accent : t.toneStroke(tone);
        box.strokeWidth = (selected ? 5 : lit ? 3.5 : 1.5) * t.lineWidth / 1.5;
        box.radius = 8;
        box.text = layout.text(c, fm);
        box.textColor = t.text;
        box.fontPx = fs;
        box.bold = lit;
        box.z = 2;
        f.items.push_back(box);
        bounds = bounds.united(box.rect);
    }
    // Every flow as a quiet line; the one on screen as a thick arrow with the request on it.
    for (int i = 0; i < stepCount(); ++i) {
        const ArchFlow& fl = arch_.flows[std::size_t(i)];
        const QRectF a = cellRect(*arch_.component(fl.from)), b = cellRect(*arch_.component(fl.to));
        QLineF l(a.center(), b.center());
        // From border to border, not centre to centre.
        auto clip = [](const QRectF& r, QPointF from, QPointF to) {
            const QPointF d = to - from;
            const qreal sx = d.x() == 0 ? 1e9 : (r.width() / 2) / std::abs(d.x());
            const qreal sy = d.y() == 0 ? 1e9 : (r.height() / 2) / std::abs(d.y());
            return from + d * std::min({sx, sy, 1.0});
        };
        l = QLineF(clip(a, a.center(), b.center()), clip(b, b.center(), a.center()));
        FrameItem edge;
        edge.kind = FrameItem::Kind::Line;
        edge.id = QStringLiteral("flow:%1").arg(i);
        edge.line = l;
        const bool now = i == position;
        // The other flows are quieter but can be seen: the muted text colour, at least 3:1 on
        // the page (the line colour at 45% opacity was about 1.5:1).
        edge.stroke = now ? t.accent : t.mutedText;
        edge.strokeWidth = (now ? 3.5 : 1.25) * t.lineWidth / 1.5;
        edge.opacity = 1;
        edge.arrow = true;
        edge.z = now ? 3 : 1;
        f.items.push_back(edge);
        if (now) {
            // The request: grows out of the sender and arrives at the receiver.
            FrameItem packet;
            packet.id = QStringLiteral("request:%1").arg(i);
            packet.rect = QRectF(0, 0, 26, 26);
            packet.rect.moveCenter(l.pointAt(0.85));
            packet.fill = t.highlight;
            packet.stroke = t.text;
            packet.strokeWidth = 1.5 * t.lineWidth / 1.5;
            packet.radius = 13;
            packet.text = QString::number(i + 1);
            packet.textColor = t.text;
            packet.fontPx = fs * 0.9;
            packet.bold = true;
            packet.z = 5;
            packet.origin = QStringLiteral("comp:") + fl.from;
            f.items.push_back(packet);
        }
    }
    f.size = QSizeF(bounds.right() + 20, bounds.bottom() + 20);
    return f;
}

ArchitectureView::ArchitectureView(std::vector<Architecture> archs, QWidget* parent)
    : QWidget(parent), archs_(std::move(archs)) {
    auto* row = new QHBoxLayout(this);
    list_ = new QListWidget(this);
    list_->setAccessibleName(tr("Scenarios"));
    // A title longer than the list is wide wraps onto a second line: none is cut off.
    list_->setWordWrap(true);
    list_->setTextElideMode(Qt::ElideNone);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setResizeMode(QListView::Adjust);
    // Room above and below each title: they ran into each other.
    list_->setStyleSheet(QStringLiteral("QListView::item { padding: 4px 0px; }"));
    fitListToFont();
    for (const auto& a : archs_) {
        auto* item = new QListWidgetItem(a.title, list_);
        item->setToolTip(a.title);
    }
    row->addWidget(list_);
    auto* column = new QVBoxLayout;
    panel_ = new DiagramPanel(this);
    column->addWidget(panel_, 1);
    // Why a clicked component was chosen; hidden until one is clicked. The hint of what to do
    // is the drawing's opening narration, read between the drawing and the controls (below
    // the controls it was read last, over an empty narration band).
    why_ = new QLabel(this);
    why_->hide();
    why_->setWordWrap(true);
    why_->setAccessibleName(tr("Why this component"));
    why_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    column->addWidget(why_);
    row->addLayout(column, 1);
    connect(list_, &QListWidget::currentRowChanged, this, &ArchitectureView::showArchitecture);
    connect(panel_->canvas(), &DiagramCanvas::itemClicked, this, [this](const QString& id) {
        if (id.startsWith(QLatin1String("comp:"))) {
            selectComponent(id.mid(5));
        }
    });
    connect(why_, &QLabel::linkActivated, this, [this](const QString& link) {
        const QString target = link.mid(QStringLiteral("chapter:").size());
        emit chapterLinkActivated(target.section(QLatin1Char('#'), 0, 0),
                                  target.section(QLatin1Char('#'), 1));
    });
    if (!archs_.empty()) {
        list_->setCurrentRow(0);
    }
}

void ArchitectureView::fitListToFont() {
    // About 26 characters wide: a title longer than that on two lines, so that the diagram keeps
    // the width (22 was cramped).
    list_->setFixedWidth(list_->fontMetrics().averageCharWidth() * 26 + 2 * list_->frameWidth() +
                         list_->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
}

void ArchitectureView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        fitListToFont();
    }
    QWidget::changeEvent(event);
}

QString ArchitectureView::pageTitle() const {
    return tr("Scenario explorer");
}

void ArchitectureView::setTheme(const Theme& theme) {
    panel_->setTheme(theme);
    // A label's rich text keeps the link colour of the palette it was set in: set again, the
    // "Open its chapter" link takes the new theme's (it stayed dark blue on Dark's grey).
    const QString shown = why_->text();
    why_->clear();
    why_->setText(shown);
}

void ArchitectureView::showArchitecture(int index) {
    if (index < 0 || index >= count() || index == current_) {
        return;
    }
    current_ = index;
    if (list_->currentRow() != index) {
        list_->setCurrentRow(index);
    }
    auto source = std::make_unique<ArchitectureSource>(archs_[std::size_t(index)]);
    source_ = source.get();
    panel_->setSource(std::move(source));
    panel_->canvas()->setOpening(
        tr("Press Space to play the request through the system, or Right to step. Click a "
           "component to see why it was chosen."),
        tr("Click a component to see why it was chosen."));
    panel_->player()->toStart();
    why_->clear();
    why_->hide();
}

void ArchitectureView::selectComponent(const QString& id) {
    if (current_ < 0) {
        return;
    }
    const ArchComponent* c = archs_[std::size_t(current_)].component(id);
    if (!c) {
        return;
    }
    QString text =
        QStringLiteral("<b>%1</b>%2: %3")
            .arg(c->label.toHtmlEscaped(),
                 c->role.isEmpty() ? QString()
                                   : QStringLiteral(" (%1)").arg(c->role.toHtmlEscaped()),
                 c->why.toHtmlEscaped());
    if (!c->chapter.isEmpty()) {
        text += QStringLiteral(" <a href=\"chapter:%1#%2\">%3</a>")
                    .arg(c->chapter, c->section, tr("Open its chapter"));
    }
    why_->setText(text);
    why_->show();
    // The box clicked is marked in the drawing (the text below said why, but of which box?).
    source_->setSelected(id);
    panel_->canvas()->refreshFrames();
}

QString ArchitectureView::explanation() const {
    return why_->text();
}

} // namespace fg
