// Frame tweening: the ends of a transition are exactly the two frames (pixel for pixel), kept
// items move along a straight line, new items grow out of their origin, old ones fade.
#include "tests/suite_main.h"
#include "widgets/canvas/frame.h"

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

    void boundsCoverEveryItem() {
        const QRectF b = after().bounds();
        QVERIFY(b.contains(QRectF(150, 90, 90, 30)));
        QVERIFY(b.contains(QPointF(40, 90)));
    }
};

FG_TEST_MAIN(TestFrame)
#include "test_frame.moc"
