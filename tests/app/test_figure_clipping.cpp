// Issue 13, "Clipping": every text of every figure of the course, in every theme and at the
// widths the reader gives figures at 1280x800 and 1920x1080 (and the command line's export
// width), fits the box it is drawn in: no word cut in two because it was wider than its box, no
// text outside its box (a question's text inside its hexagon), and nothing outside the figure.
#include "app/reader/chapter_html.h"
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/figure/figure_layout.h"
#include "widgets/figure/figure_renderer.h"

#include <QTest>
#include <QTextLine>

namespace {

struct Problems {
    QStringList list;
    void add(const QString& where, const QString& what) {
        if (list.size() < 400) {
            list << where + ": " + what;
        }
    }
};

QString shortText(const QString& s) {
    QString t = s;
    t.replace(QChar::LineSeparator, ' ').remove(QChar(0x2060));
    return t.size() > 40 ? t.left(40) + "..." : t;
}

QString rectText(const QRectF& r) {
    return QString("%1x%2 at (%3,%4)")
        .arg(r.width(), 0, 'f', 0)
        .arg(r.height(), 0, 'f', 0)
        .arg(r.x(), 0, 'f', 0)
        .arg(r.y(), 0, 'f', 0);
}

bool wordChar(QChar c) {
    return c.isLetterOrNumber();
}

// The smallest box whose rectangle holds the text's middle: the box the text is drawn in.
const fg::FigureScene::Box* boxOf(const fg::FigureScene& scene, const QRectF& text) {
    const fg::FigureScene::Box* best = nullptr;
    for (const auto& b : scene.boxes) {
        if (b.rect.contains(text.center()) &&
            (!best ||
             b.rect.width() * b.rect.height() < best->rect.width() * best->rect.height())) {
            best = &b;
        }
    }
    return best;
}

// The decision shape is a hexagon with pointed ends (figure_scene.cpp): the ends are d wide.
bool insideHexagon(const QRectF& r, QPointF p) {
    const qreal d = std::min(r.height() * 0.5, r.width() * 0.15);
    const qreal slant = d * std::abs(p.y() - r.center().y()) / (r.height() / 2);
    return r.contains(p) && p.x() >= r.left() + slant - 1e-6 && p.x() <= r.right() - slant + 1e-6;
}

void checkScene(const fg::FigureScene& scene, const QString& where, Problems& out) {
    const QRectF figure(QPointF(-0.5, -0.5), scene.size + QSizeF(1, 1));
    for (const auto& t : scene.texts) {
        // Where the letters are: each line's own rectangle (a centred line starts to the right
        // of the block's left edge).
        QRectF r;
        for (int i = 0; i < t.block.layout->lineCount(); ++i) {
            r = r.united(t.block.layout->lineAt(i).naturalTextRect().translated(t.pos));
        }
        const QString text = t.block.layout->text();
        if (text.trimmed().isEmpty()) {
            continue; // nothing to see (an empty table cell)
        }
        const QString name = where + " \"" + shortText(text) + "\"";
        if (!figure.contains(r)) {
            out.add(name, "outside the figure");
        }
        QTextLayout& layout = *t.block.layout;
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            // A line that ends inside a word: the word was wider than the box and was cut.
            const int end = line.textStart() + line.textLength();
            if (i + 1 < layout.lineCount() && end > 0 && end < text.size() &&
                wordChar(text.at(end - 1)) && wordChar(text.at(end))) {
                out.add(name, QString("the word at \"%1\" is cut over two lines")
                                  .arg(shortText(text.mid(std::max(0, end - 8), 16))));
            }
        }
        // A text lies across no box it is not inside (a flowchart's arrow labels were drawn
        // over the shapes beside their drop in the projector theme at 1280x800).
        for (const auto& b : scene.boxes) {
            const QRectF o = b.rect.intersected(r);
            if (!b.rect.contains(r) && !r.contains(b.rect) && o.width() > 2 && o.height() > 2) {
                out.add(name,
                        QString("text %1 lies across a box %2").arg(rectText(r), rectText(b.rect)));
                break;
            }
        }
        const fg::FigureScene::Box* box = boxOf(scene, r);
        if (!box) {
            continue;
        }
        const QRectF room = box->rect.adjusted(-0.5, -0.5, 0.5, 0.5);
        const bool hexagon = box->shape == fg::FigureScene::Shape::Decision;
        bool inside = room.contains(r);
        for (QPointF p : {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()}) {
            inside = inside && (!hexagon || insideHexagon(room, p));
        }
        if (!inside) {
            out.add(name, QString("text %1 sticks out of its %2 %3")
                              .arg(rectText(r), hexagon ? "hexagon" : "box", rectText(box->rect)));
        }
    }
}

} // namespace

class TestFigureClipping : public QObject {
    Q_OBJECT
private slots:
    void everyFiguresTextFitsItsBox_data() {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<qreal>("width");
        QTest::addColumn<qreal>("bodyPx");
        // The reader draws figures at its text column's width, body size 19 px x 0.9 (the
        // projector theme scales it by itself): about 900 px in a 1280x800 window (825 px in
        // the projector theme, the chapter list wider beside it), 988 px (52 em)
        // at 1920x1080, 1334 px in the projector theme there; 600 px is a narrow window; the
        // command line exports at 1200 px, 18 px.
        for (const char* t : {"light", "dark", "projector"}) {
            for (qreal w : {600.0, 825.0, 900.0, 988.0, 1334.0}) {
                // Not addRow("%s %d", t, ...): inlined at -O3, GCC 12 warns falsely that t
                // may be null (-Wformat-overflow).
                const QByteArray row = QByteArray(t) + ' ' + QByteArray::number(int(w));
                QTest::newRow(row.constData()) << t << w << 17.1;
            }
            QTest::addRow("%s export", t) << t << 1200.0 << 18.0;
        }
    }
    void everyFiguresTextFitsItsBox() {
        QFETCH(QString, theme);
        QFETCH(qreal, width);
        QFETCH(qreal, bodyPx);
        static const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Theme t = fg::Theme::byName(theme);
        Problems problems;
        int figures = 0;
        for (const fg::Chapter& ch : course.chapters) {
            for (const fg::Section& s : ch.sections) {
                for (const auto& block : s.blocks) {
                    if (block.value("type", std::string()) != "figure") {
                        continue;
                    }
                    ++figures;
                    fg::FigureScene scene;
                    fg::FigureLayout(t, bodyPx, scene).layoutFigure(block, width);
                    const QString id = QString::fromStdString(block.value("id", std::string()));
                    const auto before = problems.list.size();
                    checkScene(scene, ch.id + "/" + id, problems);
                    // FG_SAVE_FIGURES=<dir>: the figures with a problem, as PNGs, for a look.
                    if (const QByteArray dir = qgetenv("FG_SAVE_FIGURES");
                        !dir.isEmpty() && problems.list.size() > before) {
                        fg::FigureRenderer(block, t, width, bodyPx)
                            .toImage(1)
                            .save(QStringLiteral("%1/%2-%3-%4.png")
                                      .arg(QString::fromLocal8Bit(dir), id, theme)
                                      .arg(int(width)));
                    }
                }
            }
        }
        QVERIFY(figures > 20);
        QVERIFY2(problems.list.isEmpty(), qPrintable(problems.list.join('\n')));
    }
};

FG_TEST_MAIN(TestFigureClipping)
#include "test_figure_clipping.moc"
