// The live Kafka diagram: every record of the engine's logs (up to the shown window) is a cell
// with its offset, a produced record is lit where it landed, each assigned partition has a line
// to its consumer, and stepping back redraws the earlier frame exactly.
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/diagrams/kafka_diagram.h"
#include "widgets/diagrams/kafka_view.h"

#include <QComboBox>
#include <QTest>

using Kind = fg::kafka::KafkaOp::Kind;

namespace {

std::vector<fg::kafka::KafkaOp> scenario() {
    std::vector<fg::kafka::KafkaOp> ops;
    fg::kafka::KafkaOp p;
    p.kind = Kind::Produce;
    p.topic = "orders";
    p.value = std::string(1, 'v'); // not = "v": GCC 12 -O3 warns falsely (-Wrestrict)
    p.count = 5;
    ops.push_back(p);
    p.key = std::string("user-1");
    p.count = 2;
    ops.push_back(p);
    for (const char* c : {"C0", "C1"}) {
        fg::kafka::KafkaOp j;
        j.kind = Kind::Join;
        j.group = "g";
        j.consumer = c;
        ops.push_back(j);
    }
    fg::kafka::KafkaOp fail;
    fail.kind = Kind::FailBroker;
    fail.broker = 1;
    ops.push_back(fail);
    return ops;
}

int count(const fg::Frame& f, const QString& prefix) {
    int n = 0;
    for (const auto& it : f.items) {
        n += it.id.startsWith(prefix) ? 1 : 0;
    }
    return n;
}

} // namespace

class TestKafkaDiagram : public QObject {
    Q_OBJECT
private slots:
    void everyRecordAndAssignmentIsDrawn() {
        const fg::KafkaDiagram d({}, scenario());
        const auto& s = d.timeline().finalState();
        const fg::Frame f = d.frame(d.stepCount() - 1, fg::Theme::light());
        std::size_t records = 0, assigned = 0;
        for (const auto& p : s.partitions) {
            records += p.log.size();
        }
        for (const auto& [member, tps] : s.groups.at("g").assignment) {
            assigned += tps.size();
        }
        QCOMPARE(count(f, "rec:"), int(records));
        QCOMPARE(count(f, "assign:"), int(assigned));
        QCOMPARE(count(f, "broker:"), 3);
        QVERIFY(f.find("broker:1")->text.contains("failed"));
    }

    void aProducedRecordIsLitWhereItLanded() {
        const fg::KafkaDiagram d({}, scenario());
        const auto& st = d.timeline().step(5); // the first keyed record (user-1 -> partition 2)
        QCOMPARE(st.kind, fg::kafka::StepKind::kProduce);
        const fg::Frame f = d.frame(5, fg::Theme::light());
        const auto* cell =
            f.find(QStringLiteral("rec:orders-%1:%2").arg(st.partition).arg(st.offset));
        QVERIFY(cell);
        QCOMPARE(cell->fill, fg::Theme::light().highlight);
        QVERIFY(f.find("produce-arrow"));
    }

    void stepBackRedrawsTheEarlierFrame() {
        const fg::KafkaDiagram d({}, scenario());
        expectStepBackExact(d, QSize(900, 500));
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

QTEST_MAIN(TestKafkaDiagram)
#include "test_kafka_diagram.moc"
