// The live LSM-tree: a box for every SSTable of the engine's state at every step, a word on every
// table a get looked at (matching the engine's probes), and step back pixel-exact.
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/diagrams/lsm_diagram.h"
#include "widgets/diagrams/lsm_view.h"

#include <QComboBox>
#include <QTest>

using Kind = fg::lsm::LsmOp::Kind;

namespace {

std::vector<fg::lsm::LsmOp> scenario() {
    std::vector<fg::lsm::LsmOp> ops;
    for (int k : {5, 17, 3, 40, 22, 9, 31, 12, 8, 27, 44, 1}) {
        ops.push_back({Kind::Put, std::to_string(k), "v"});
    }
    ops.push_back({Kind::Delete, "17", {}});
    ops.push_back({Kind::Get, "22", {}});
    ops.push_back({Kind::Get, "17", {}});
    ops.push_back({Kind::Compact, {}, {}});
    return ops;
}

} // namespace

class TestLsmDiagram : public QObject {
    Q_OBJECT
private slots:
    void everyTableAndProbeIsDrawn() {
        const fg::lsm::LsmParams p{3, 2, 3, 10, false};
        const fg::LsmDiagram d(p, scenario());
        for (int i = 0; i < d.stepCount(); ++i) {
            const auto s = d.timeline().stateAfter(std::size_t(i));
            const fg::Frame f = d.frame(i, fg::Theme::light());
            int tables = 0, probes = 0;
            for (const auto& it : f.items) {
                tables += it.id.startsWith("table:") ? 1 : 0;
                probes += it.id.startsWith("probe:") && it.id != "probe:memtable" ? 1 : 0;
            }
            QCOMPARE(tables, int(s.tables.size()));
            const auto& st = d.timeline().step(std::size_t(i));
            int expected = 0;
            for (const auto& pr : st.probed) {
                expected += pr.where == fg::lsm::Probe::Where::kTable ? 1 : 0;
            }
            QCOMPARE(probes, expected);
        }
    }

    void stepBackRedrawsTheEarlierFrame() {
        const fg::LsmDiagram d({3, 2, 3, 10, true}, scenario());
        expectStepBackExact(d, QSize(900, 500));
    }

    void switchingTheStrategyKeepsTheWrites() {
        fg::LsmView v;
        const auto ops = v.ops().size();
        v.findChild<QComboBox*>()->setCurrentIndex(1);
        QVERIFY(v.params().tiered);
        QCOMPARE(v.ops().size(), ops);
    }
};

QTEST_MAIN(TestLsmDiagram)
#include "test_lsm_diagram.moc"
