// Frame tweening: the ends of a transition are exactly the two frames (pixel for pixel), kept
// items move along a straight line, new items grow out of their origin, old ones fade. A
// wrapping item's words are drawn on lines within its box, every word there.
#include "tests/suite_main.h"
#include "widgets/canvas/frame.h"

#include <QFontMetricsF>
#include <QImage>
#include <QTest>

namespace {

fg::FrameItem box(const QString& id, QRectF r, const QString& text = {}) {
    fg::FrameItem it;
    it.id = id;
    it.rect = r;
    it.fill = QColor::fromRgb(0x56B4E9u);
    it.stroke = QColor(Qt::black);
    it.textColor = Qt::black;
    it.text = text;
    return it;
}

QImage render(const fg::Frame& f) {
    QImage img(320, 200, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    fg::paintFrame(p, f);
    return img;
}

fg::Frame before() {
    fg::Frame f;
    f.size = QSizeF(320, 200);
    f.items = {box("node:1", QRectF(10, 10, 120, 30), "10 20 30 40"),
               box("gone", QRectF(200, 150, 40, 20), "x")};
    return f;
}

fg::Frame after() {
    fg::Frame f;
    f.size = QSizeF(320, 200);
    auto left = box("node:1", QRectF(10, 90, 60, 30), "10");
    auto right = box("node:2", QRectF(150, 90, 90, 30), "30 40");
    right.origin = "node:1";
    auto root = box("node:3", QRectF(90, 10, 40, 30), "20");
    root.origin = "node:1";
    fg::FrameItem edge;
    edge.id = "edge:3-1";
    edge.kind = fg::FrameItem::Kind::Line;
    edge.line = QLineF(110, 40, 40, 90);
    edge.stroke = Qt::black;
    edge.arrow = true;
    f.items = {left, right, root, edge};
    return f;
}

// Three words of letters no taller than an x (so that the lines drawn stand apart in a picture),
// in a box of no fill or border (so that only its text is drawn) as narrow as the widest word
// and less than any two: one word a line when it wraps.
struct ThreeWords {
    QStringList words{QStringLiteral("warm"), QStringLiteral("ocean"), QStringLiteral("waves")};
    fg::FrameItem item;
    ThreeWords() {
        item.id = QStringLiteral("words");
        item.textColor = Qt::black;
        item.fontPx = 20;
        item.text = words.join(QLatin1Char(' '));
        const QFontMetricsF fm(fg::frameFont(item));
        qreal widest = 0, twoWords = 1e9;
        for (qsizetype i = 0; i < words.size(); ++i) {
            widest = std::max(widest, fm.horizontalAdvance(words[i]));
            if (i > 0) {
                twoWords = std::min(twoWords, fm.horizontalAdvance(words[i - 1] + ' ' + words[i]));
            }
        }
        const qreal room = (widest + twoWords) / 2;
        const qreal pad = item.rect.width() - fg::frameTextRoom(item).width(); // a box's sides
        item.rect = QRectF(20, 10, room + pad, 4 * fm.lineSpacing());
    }
};

// How many lines of text `img` shows (runs of rows with ink, apart), and where its ink lies.
struct Ink {
    int lines = 0;
    QRect area;
};
Ink inkOf(const QImage& img) {
    Ink ink;
    bool inLine = false;
    for (int y = 0; y < img.height(); ++y) {
        bool any = false;
        for (int x = 0; x < img.width(); ++x) {
            if (qGray(img.pixel(x, y)) < 160) {
                any = true;
                ink.area |= QRect(x, y, 1, 1);
            }
        }
        ink.lines += any && !inLine ? 1 : 0;
        inLine = any;
    }
    return ink;
}

QImage renderOne(const fg::FrameItem& it) {
    fg::Frame f;
    f.size = QSizeF(320, 200);
    f.items = {it};
    return render(f);
}

} // namespace

class TestFrame : public QObject {
    Q_OBJECT
private slots:
    void endsOfATransitionAreTheTwoFrames() {
        QCOMPARE(render(fg::tween(before(), after(), 1.0)), render(after()));
        QCOMPARE(render(fg::tween(before(), after(), 0.0)), render(before()));
    }

    void keptItemsMoveAlongAStraightLine() {
        const fg::Frame mid = fg::tween(before(), after(), 0.5);
        const fg::FrameItem* n = mid.find("node:1");
        QVERIFY(n);
        QCOMPARE(n->rect, QRectF(10, 50, 90, 30));
    }

    void newItemsGrowOutOfTheirOrigin() {
        const fg::Frame start = fg::tween(before(), after(), 0.001);
        const fg::FrameItem* sibling = start.find("node:2");
        QVERIFY(sibling);
        // Its centre starts (almost) at the centre of the node that split.
        QVERIFY(QLineF(sibling->rect.center(), QPointF(70, 25)).length() < 1.0);
        QVERIFY(sibling->opacity < 0.01);
    }

    // Items going away fade where they stand in the first half of the transition; items that
    // appear in place (no origin) fade in during the second: nothing fades in over what fades
    // out (the 100,000-key B-Tree's old and new range boxes were drawn over each other).
    void removedItemsFadeWhereTheyStandBeforeNewOnesAppear() {
        const fg::Frame quarter = fg::tween(before(), after(), 0.25);
        const fg::FrameItem* gone = quarter.find("gone");
        QVERIFY(gone);
        QCOMPARE(gone->opacity, 0.5);
        QCOMPARE(gone->rect, QRectF(200, 150, 40, 20));
        QCOMPARE(fg::tween(before(), after(), 0.5).find("gone")->opacity, 0.0);
        QVERIFY(!fg::tween(before(), after(), 1.0).find("gone"));
        fg::Frame later = after();
        later.items.push_back(box("new", QRectF(200, 150, 40, 20), "y"));
        for (const qreal t : {0.1, 0.3, 0.5}) {
            QCOMPARE(fg::tween(before(), later, t).find("new")->opacity, 0.0);
        }
        QCOMPARE(fg::tween(before(), later, 0.75).find("new")->opacity, 0.5);
    }

    void aWrappedItemIsDrawnOneLineAWordWithinItsBox() {
        ThreeWords three;
        three.item.wrap = true;
        QCOMPARE(fg::frameText(three.item).split(QLatin1Char('\n')), three.words);
        const QSizeF need = fg::frameTextSize(three.item);
        QVERIFY(need.width() <= fg::frameTextRoom(three.item).width());
        QVERIFY(need.height() <= three.item.rect.height());
        const Ink ink = inkOf(renderOne(three.item));
        QCOMPARE(ink.lines, int(three.words.size()));
        QVERIFY2(three.item.rect.contains(QRectF(ink.area)),
                 qPrintable(QStringLiteral("ink %1,%2 %3x%4")
                                .arg(ink.area.x())
                                .arg(ink.area.y())
                                .arg(ink.area.width())
                                .arg(ink.area.height())));
        QCOMPARE(three.item.text, three.words.join(QLatin1Char(' '))); // what is read stays whole
    }

    void anItemNotWrappedIsDrawnAsWritten() {
        ThreeWords three;
        QCOMPARE(fg::frameText(three.item), three.item.text);
        QVERIFY(fg::frameTextSize(three.item).width() > fg::frameTextRoom(three.item).width());
        const Ink ink = inkOf(renderOne(three.item));
        QCOMPARE(ink.lines, 1);
        QVERIFY(ink.area.width() > fg::frameTextRoom(three.item).width());
    }

    void aWrappedItemThatFitsIsDrawnAsWritten() {
        ThreeWords three;
        three.item.wrap = true;
        three.item.text = three.words.join(QLatin1Char('\n'));
        QCOMPARE(fg::frameText(three.item), three.item.text);
        three.item.text = three.words.first();
        QCOMPARE(fg::frameText(three.item), three.item.text);
    }

    void aWordWiderThanTheRoomStaysWhole() {
        const QFontMetricsF fm(fg::frameFont(fg::FrameItem{}));
        const QString longWord = QStringLiteral("unbreakable");
        QCOMPARE(fg::wrappedLines(QStringLiteral("a unbreakable b"), fm,
                                  fm.horizontalAdvance(longWord) / 2),
                 (QStringList{QStringLiteral("a"), longWord, QStringLiteral("b")}));
        QCOMPARE(fg::wrappedLines(QString(), fm, 100), QStringList());
    }

    void boundsCoverAWrappedTextsLines() {
        ThreeWords three;
        three.item.kind = fg::FrameItem::Kind::Text;
        three.item.wrap = true;
        fg::Frame f;
        f.items = {three.item};
        const qreal line = QFontMetricsF(fg::frameFont(three.item)).lineSpacing();
        QVERIFY(f.bounds().height() > 2.5 * line);
        QVERIFY(f.bounds().width() <= fg::frameTextRoom(three.item).width());
    }

    void boundsCoverEveryItem() {
        const QRectF b = after().bounds();
        QVERIFY(b.contains(QRectF(150, 90, 90, 30)));
        QVERIFY(b.contains(QPointF(40, 90)));
    }
};

FG_TEST_MAIN(TestFrame)
#include "test_frame.moc"
