// The live Kafka diagram: every record of the engine's logs (up to the shown window) is a cell
// with its offset, a produced record is lit where it landed, each assigned partition names its
// consumer (in the consumer's colour) with the group's committed offset and lag, and stepping back
// redraws the earlier frame exactly.
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/canvas/frame.h"
#include "widgets/diagrams/kafka_diagram.h"
#include "widgets/diagrams/kafka_view.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <algorithm>

using KafkaKind = fg::kafka::KafkaOp::Kind;

namespace {

std::vector<fg::kafka::KafkaOp> kafkaScenario() {
    std::vector<fg::kafka::KafkaOp> ops;
    fg::kafka::KafkaOp p;
    p.kind = KafkaKind::Produce;
    p.topic = "orders";
    p.value = std::string(1, 'v'); // not = "v": GCC 12 -O3 warns falsely (-Wrestrict)
    p.count = 5;
    ops.push_back(p);
    p.key = std::string("user-1");
    p.count = 2;
    ops.push_back(p);
    for (const char* c : {"C0", "C1"}) {
        fg::kafka::KafkaOp j;
        j.kind = KafkaKind::Join;
        j.group = "g";
        j.consumer = c;
        ops.push_back(j);
    }
    fg::kafka::KafkaOp fail;
    fail.kind = KafkaKind::FailBroker;
    fail.broker = 1;
    ops.push_back(fail);
    return ops;
}

// The Kafka page's Consumer box, its message line, and its buttons by their text.
struct Controls {
    explicit Controls(const fg::KafkaView& v) : view(v) {
        for (auto* e : v.findChildren<QLineEdit*>()) {
            consumer = e->accessibleName() == QLatin1String("Consumer") ? e : consumer;
        }
        for (auto* l : v.findChildren<QLabel*>()) {
            note = l->accessibleDescription() == QLatin1String("Message") ? l : note;
        }
    }
    // Clicks the button that reads `text`; false when there is none.
    bool press(const QString& text) const {
        for (auto* b : view.findChildren<QAbstractButton*>()) {
            if (b->text() == text) {
                b->click();
                return true;
            }
        }
        return false;
    }
    const fg::KafkaView& view;
    QLineEdit* consumer = nullptr;
    QLabel* note = nullptr;
};

} // namespace

class TestKafkaDiagram : public QObject {
    Q_OBJECT
private slots:
    void everyRecordAndAssignmentIsDrawn() {
        const fg::KafkaDiagram d({}, kafkaScenario());
        const auto& s = d.timeline().finalState();
        const fg::Frame f = d.frame(d.stepCount() - 1, fg::Theme::light());
        std::size_t records = 0, assigned = 0;
        for (const auto& p : s.partitions) {
            records += p.log.size();
        }
        for (const auto& [member, tps] : s.groups.at("g").assignment) {
            assigned += tps.size();
        }
        QCOMPARE(countItems(f, "rec:"), int(records));
        QCOMPARE(countItems(f, "assign:"), int(assigned));
        QCOMPARE(countItems(f, "broker:"), 3);
        QVERIFY(f.find("broker:1")->text.contains("failed"));
    }

    void theGroupsBoxesStandInTheOrderOfTheirColumns() {
        // A tester saw "group analytics" first under the logs and last in the columns beside
        // them (the boxes went by name, the columns by who joined first). Both go by who joined
        // first; the brokers stand beside the boxes, under the logs, none over another.
        std::vector<fg::kafka::KafkaOp> ops = kafkaScenario();
        for (const char* g : {"orders-app", "analytics"}) {
            fg::kafka::KafkaOp j;
            j.kind = KafkaKind::Join;
            j.group = g;
            j.consumer = "X";
            ops.push_back(j);
        }
        const fg::KafkaDiagram d({}, ops);
        const fg::Frame f = d.frame(d.stepCount() - 1, fg::Theme::light());
        const auto x = [&](const QString& id) {
            const fg::FrameItem* it = f.find(id);
            return it ? it->rect.x() : -1.0;
        };
        QVERIFY(x("group-head:g") < x("group-head:orders-app"));
        QVERIFY(x("group-head:orders-app") < x("group-head:analytics"));
        QVERIFY(x("group:g") < x("group:orders-app"));
        QVERIFY2(x("group:orders-app") < x("group:analytics"),
                 qPrintable(
                     QStringLiteral("%1 %2").arg(x("group:orders-app")).arg(x("group:analytics"))));
        const QRectF logs = f.find("part:orders-0")->rect;
        for (int b = 0; b < 3; ++b) {
            const QRectF broker = f.find(QStringLiteral("broker:%1").arg(b))->rect;
            QVERIFY(broker.top() > logs.bottom());
            for (const auto& it : f.items) {
                if (it.kind == fg::FrameItem::Kind::Box &&
                    it.id != QStringLiteral("broker:%1").arg(b)) {
                    QVERIFY2(!it.rect.intersects(broker), qPrintable(it.id));
                }
            }
        }
    }

    void aProducedRecordIsLitWhereItLanded() {
        const fg::KafkaDiagram d({}, kafkaScenario());
        const auto& st = d.timeline().step(5); // the first keyed record (user-1 -> partition 2)
        QCOMPARE(st.kind, fg::kafka::StepKind::kProduce);
        const fg::Frame f = d.frame(5, fg::Theme::light());
        const auto* cell =
            f.find(QStringLiteral("rec:orders-%1:%2").arg(st.partition).arg(st.offset));
        QVERIFY(cell);
        QCOMPARE(cell->fill, fg::Theme::light().highlight);
        QVERIFY(f.find("produce-arrow"));
    }

    // A key that fits its cell is drawn whole ("order-42" was "ord\u2026-42"); a longer one keeps
    // as much of its start and its end as fits, with an ellipsis between (a cut to its first
    // characters read "order-14929" as another key, "order-1"), never half of a character.
    void aKeyIsWholeWhenItFitsElseShortenedVisibly() {
        std::vector<fg::kafka::KafkaOp> ops;
        fg::kafka::KafkaOp p;
        p.kind = KafkaKind::Produce;
        p.topic = "orders";
        p.value = std::string(1, 'v');
        const QStringList keys = {QStringLiteral("order-42"), QStringLiteral("user-1"),
                                  QStringLiteral("order-1492900417"),
                                  QStringLiteral("\U0001F600").repeated(12),
                                  QStringLiteral("k").repeated(100000)};
        for (const QString& key : keys) {
            p.key = key.toStdString();
            ops.push_back(p);
        }
        const fg::KafkaDiagram d({}, ops);
        for (const fg::Theme& theme : {fg::Theme::light(), fg::Theme::projector()}) {
            const fg::Frame f = d.frame(static_cast<int>(d.timeline().size()) - 1, theme);
            int cells = 0;
            QStringList whole;
            for (const auto& item : f.items) {
                if (!item.id.startsWith(QStringLiteral("rec:"))) {
                    continue;
                }
                ++cells;
                const QString label = item.text.section(QLatin1Char('\n'), 1);
                QVERIFY2(fg::frameTextSize(item).width() <= fg::frameTextRoom(item).width(),
                         qPrintable(label));
                if (keys.contains(label)) {
                    QVERIFY2(label.size() <= 8, qPrintable(label)); // the short ones whole
                    whole << label;
                    continue;
                }
                const qsizetype cut = label.indexOf(QChar(0x2026));
                QVERIFY2(cut >= 1 && cut < label.size() - 1, qPrintable(label));
                QVERIFY(!label.at(cut - 1).isHighSurrogate());
                QVERIFY(!label.at(cut + 1).isLowSurrogate());
                const auto shortened = [&](const QString& key) {
                    return key.startsWith(label.left(cut)) && key.endsWith(label.mid(cut + 1));
                };
                QVERIFY2(std::count_if(keys.begin(), keys.end(), shortened) == 1,
                         qPrintable(label));
                if (label.startsWith(QLatin1String("ord"))) { // the room used: "ord\u202617"
                    QVERIFY2(label.size() - 1 >= 5, qPrintable(label));
                }
            }
            whole.sort();
            QCOMPARE(whole, (QStringList{QStringLiteral("order-42"), QStringLiteral("user-1")}));
            QCOMPARE(cells, keys.size());
        }
    }

    void stepBackRedrawsTheEarlierFrame() {
        const fg::KafkaDiagram d({}, kafkaScenario());
        expectStepBackExact(d, QSize(900, 500));
    }

    void eachPartitionNamesItsReaderCommittedOffsetAndLag() {
        // Issue 13: the assignment lines started at the group box and ran behind the partition
        // boxes; nobody could see who reads which partition, nor how far it has read.
        auto ops = kafkaScenario();
        fg::kafka::KafkaOp consume;
        consume.kind = KafkaKind::Consume;
        consume.group = "g";
        consume.max = 1;
        ops.push_back(consume);
        const fg::KafkaDiagram d({}, ops);
        const auto& s = d.timeline().finalState();
        const auto& g = s.groups.at("g");
        const fg::Theme theme = fg::Theme::light();
        const fg::Frame f = d.frame(d.stepCount() - 1, theme);
        int assigned = 0;
        for (const auto& [member, tps] : g.assignment) {
            const auto* consumer = f.find(QStringLiteral("cons:g:%1").arg(member.c_str()));
            QVERIFY(consumer);
            for (const auto& tp : tps) {
                ++assigned;
                const auto* p = s.find(tp.topic, tp.partition);
                QVERIFY(p);
                const auto* tag = f.find(QStringLiteral("assign:g:%1").arg(tp.name().c_str()));
                QVERIFY(tag);
                const std::int64_t committed =
                    g.committed.count(tp.name()) ? g.committed.at(tp.name()) : 0;
                QVERIFY2(tag->text.contains(QStringLiteral("read by %1").arg(member.c_str())),
                         qPrintable(tag->text));
                QVERIFY2(
                    tag->text.contains(
                        QStringLiteral("committed %1 · lag %2").arg(committed).arg(s.lag("g", *p))),
                    qPrintable(tag->text));
                QCOMPARE(std::int64_t(p->log.size()) - committed, s.lag("g", *p));
                // The consumer's colour on its partitions, the same as its box.
                QCOMPARE(tag->fill, consumer->fill);
            }
        }
        QVERIFY(assigned > 0);
    }

    // A tester's consumer named with 300 characters drew a tag 1,000 px wide, and Fit shrank
    // every letter to 5 px: the drawing names it short, and is as wide as with "C1".
    void aLongConsumerNameDoesNotWidenTheDrawing() {
        const auto widthWith = [](const std::string& name, QString* shown) {
            auto ops = kafkaScenario();
            ops[3].consumer = name; // the second to join
            const fg::KafkaDiagram d({}, ops);
            const fg::Frame f = d.frame(d.stepCount() - 1, fg::Theme::light());
            for (const auto& it : f.items) {
                if (it.id.startsWith(QLatin1String("cons:g:")) && !it.id.endsWith(":C0")) {
                    *shown = it.text.section('\n', 0, 0);
                }
            }
            return f.extent().width();
        };
        QString shortShown, longShown;
        const qreal plain = widthWith("C1", &shortShown);
        const qreal wide = widthWith(std::string(300, 'C'), &longShown);
        QCOMPARE(shortShown, QStringLiteral("C1"));
        QCOMPARE(longShown, QStringLiteral("CCCCCCC\u2026CCCCCCC"));
        QVERIFY2(wide <= plain * 1.05, qPrintable(QStringLiteral("%1 vs %2").arg(wide).arg(plain)));
    }

    void theKeyBoxHasRoomForAKey() {
        fg::KafkaView v;
        v.resize(1280, 800);
        v.show();
        auto* key = v.findChild<QLineEdit*>();
        QVERIFY(key);
        QVERIFY(key->width() >= key->fontMetrics().averageCharWidth() * 12);
    }

    // A fresh tester cleared the consumer's name and pressed Join: a nameless box took
    // partition 0 while the group said nobody read it. An empty (or blank) name adds nothing and
    // says what to type; a name joins.
    void aConsumerWithoutANameCannotJoinOrLeave() {
        fg::KafkaView v;
        const auto ops = v.ops().size();
        const Controls c(v);
        QLineEdit* consumer = c.consumer;
        QLabel* note = c.note;
        QVERIFY(consumer && note);
        const auto press = [&c](const QString& text) { return c.press(text); };
        for (const QString& name : {QString(), QStringLiteral("   ")}) {
            consumer->setText(name);
            QVERIFY(press(QStringLiteral("Join")));
            QCOMPARE(v.ops().size(), ops);
            QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("name")),
                     qPrintable(note->text()));
            QVERIFY(press(QStringLiteral("Leave")));
            QCOMPARE(v.ops().size(), ops);
        }
        consumer->setText(QStringLiteral("C9"));
        QVERIFY(press(QStringLiteral("Join")));
        QCOMPARE(v.ops().size(), ops + 1);
        QVERIFY(note->isHidden());
        // One that never joined has nothing to leave (Kafka: UNKNOWN_MEMBER_ID): said, not added.
        consumer->setText(QStringLiteral("C7"));
        QVERIFY(press(QStringLiteral("Leave")));
        QCOMPARE(v.ops().size(), ops + 1);
        QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("not in the group")),
                 qPrintable(note->text()));
        consumer->setText(QStringLiteral("C9"));
        QVERIFY(press(QStringLiteral("Leave")));
        QCOMPARE(v.ops().size(), ops + 2);
        // Enter in the box joins, as Enter in the key box produces.
        consumer->setText(QStringLiteral("C5"));
        QTest::keyClick(consumer, Qt::Key_Return);
        QCOMPARE(v.ops().size(), ops + 3);
        QCOMPARE(v.ops().back().kind, KafkaKind::Join);
        QCOMPARE(v.ops().back().consumer, std::string("C5"));
    }

    // A tester typed C3 in the Consumer box and pressed Consume: C0, C1 and C2 read and
    // committed. The consumer named reads, alone; one outside the group, or holding no
    // partition, is told so and nothing is added.
    void consumeReadsForTheConsumerNamed() {
        fg::KafkaView v;
        const Controls c(v);
        QLineEdit* consumer = c.consumer;
        QLabel* note = c.note;
        QVERIFY(consumer && note);
        const auto press = [&c](const QString& text) { return c.press(text); };
        const auto ops = v.ops().size();
        consumer->setText(QStringLiteral("C7"));
        QVERIFY(press(QStringLiteral("Consume")));
        QCOMPARE(v.ops().size(), ops);
        QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("not in the group")),
                 qPrintable(note->text()));
        const std::string reader = "C0"; // the example's group: C0 and C1, three partitions
        consumer->setText(QString::fromStdString(reader));
        QVERIFY(press(QStringLiteral("Consume")));
        QCOMPARE(v.ops().size(), ops + 1);
        QCOMPARE(v.ops().back().kind, fg::kafka::KafkaOp::Kind::Consume);
        QCOMPARE(v.ops().back().consumer, reader);
        // Read to the end, it has nothing more: Consume says so and adds no step that reads
        // nothing (a tester's second click did nothing, without a word).
        QVERIFY(press(QStringLiteral("Consume")));
        QCOMPARE(v.ops().size(), ops + 1);
        QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("lag 0")),
                 qPrintable(note->text()));
    }

    void switchingTheAssignorKeepsTheOps() {
        fg::KafkaView v;
        const auto ops = v.ops().size();
        auto* combo = v.findChildren<QComboBox*>().last(); // the assignor
        combo->setCurrentIndex(3);                         // cooperative-sticky
        QCOMPARE(v.params().assignor, fg::kafka::AssignorKind::CooperativeSticky);
        QCOMPARE(v.ops().size(), ops);
    }
};

FG_TEST_MAIN(TestKafkaDiagram)
#include "test_kafka_diagram.moc"
