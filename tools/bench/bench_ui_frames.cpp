// Frame times of every live diagram (a benchmark, not a test): each, on the scenario it opens with
// (every row of the diagram registry) and on a larger workload, drawn mid-animation 600 times
// at 1920x1080 into an offscreen image, as the screen draws it (tween + paint), with the median
// and 99th percentile per diagram, fitted to the image as the screen fits it, and once more for a
// 100,000-key B-Tree (level of detail: whole nodes as boxes, the searched path with its keys),
// fitted and zoomed in 40x. Last, two pages at play: a step of the time series' "A day of 5-second
// points" preset (17,280 points) and of Redis's "300 keys" preset as the page takes it (the
// state, the chart's data and replot, the drawing), step after step, and the steps a second at 8x.
// Run: cmake --build build --target benchmarks && QT_QPA_PLATFORM=offscreen
// build/tools/bench_ui_frames
#include "tools/bench/bench_table.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/downsample_diagram.h"
#include "widgets/diagrams/downsample_view.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/hashslot_view.h"
#include "widgets/diagrams/kafka_diagram.h"
#include "widgets/diagrams/lsm_diagram.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <qcustomplot.h>

namespace {

void measure(const char* name, const fg::DiagramSource& source, qreal zoom = 1) {
    const int from = std::max(0, source.stepCount() - 2), to = source.stepCount() - 1;
    const fg::Theme theme = fg::Theme::light();
    QElapsedTimer layoutTimer;
    layoutTimer.start();
    const fg::Frame a = source.frame(from, theme);
    const fg::Frame b = source.frame(to, theme);
    const double layoutMs = double(layoutTimer.nsecsElapsed()) / 1e6;
    QImage img(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int i = 0; i < 600; ++i) {
        QElapsedTimer t;
        t.start();
        const fg::Frame f = fg::tween(a, b, (i % 60) / 60.0);
        img.fill(theme.background);
        QPainter p(&img);
        const qreal k = std::min(1880 / std::max<qreal>(f.size.width(), 1),
                                 1040 / std::max<qreal>(f.size.height(), 1));
        p.translate(960, 540);
        p.scale(k * zoom, k * zoom);
        p.translate(-f.extent().center());
        fg::paintFrame(p, f);
        p.end();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    fg::bench::row("frames",
                   std::string(name) + ", " + std::to_string(b.items.size()) +
                       " items: median / p99 at 1920x1080",
                   fg::bench::ms(ms[300], 2) + " / " + fg::bench::ms(ms[594], 2) +
                       " (layout of two steps " + fg::bench::ms(layoutMs) + ")",
                   "16.7 ms a frame at 60 fps");
}

// A page playing one of its presets at 1920x1080: what one step costs the page (the player's
// step, the page's refresh with the chart's data, the chart's replot and the canvas's paint),
// each step once, forwards; then how many steps a second it plays at 8x.
void measurePage(fg::DiagramView& view, int preset, const std::string& name) {
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    view.presetActions().at(preset)->trigger();
    QCoreApplication::processEvents();
    fg::Player* player = view.panel()->player();
    std::vector<double> ms;
    for (int i = 0; i < player->stepCount(); ++i) {
        QElapsedTimer t;
        t.start();
        player->seek(i);
        if (view.chart()) {
            view.chart()->replot(QCustomPlot::rpImmediateRefresh);
        }
        view.panel()->canvas()->repaint();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    // Played at 8x from the start for 4 s: the steps it makes, against what the player's own
    // timing allows (a transition and the narration's reading time, each an eighth).
    player->seek(-1);
    player->setSpeed(8);
    QElapsedTimer clock;
    clock.start();
    player->play();
    while (clock.elapsed() < 4000 && !player->atEnd()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const double played = double(player->position() + 1) / (double(clock.elapsed()) / 1000);
    // What the player's timing alone allows over those steps: the transition and each step's
    // reading time, at 8x.
    double timed = 0;
    for (int i = 0; i <= player->position(); ++i) {
        timed += (fg::Player::kStepMs +
                  fg::Player::readingMs(view.panel()->canvas()->narrationAt(i).size())) /
                 8.0;
    }
    player->pause();
    std::sort(ms.begin(), ms.end());
    fg::bench::row(
        "frames", name + " at 8x: steps a second (the player's timing alone)",
        std::to_string(played).substr(0, 4) + " (" +
            std::to_string(double(player->position() + 1) / (timed / 1000)).substr(0, 4) + ")",
        "");
    fg::bench::row("frames",
                   name + " (" + std::to_string(ms.size()) + " steps): a step, median / worst",
                   fg::bench::ms(ms[ms.size() / 2], 1) + " / " + fg::bench::ms(ms.back(), 1),
                   "125 ms a step at 8x");
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // Every live diagram of the registry on the scenario it opens with: a diagram added there is
    // measured here too. Then larger workloads, written out below.
    for (const fg::LiveDiagram& d : fg::liveDiagrams()) {
        if (!d.hasSteps()) {
            continue;
        }
        fg::Status status;
        const nlohmann::json scenario = fg::defaultScenario(d.id, status);
        const std::unique_ptr<fg::DiagramSource> source =
            status ? d.makeSource(scenario, status, std::nullopt) : nullptr;
        if (!source) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(d.id), status.message().c_str());
            return 1;
        }
        measure((d.id.toStdString() + " (the scenario it opens with)").c_str(), *source);
    }
    using BOp = fg::btree::Op;
    std::vector<BOp> ops;
    for (int k = 1; k <= 40; ++k) {
        ops.push_back(BOp::insert(k * 7 % 101));
    }
    measure("btree (40 keys, order 4)", fg::BTreeDiagram(fg::btree::Params::withOrder(4), ops));
    std::vector<fg::lsm::LsmOp> lops;
    for (int i = 0; i < 200; ++i) {
        lops.push_back({fg::lsm::LsmOp::Kind::Put, std::to_string(i * 37 % 500), "v"});
    }
    lops.push_back({fg::lsm::LsmOp::Kind::Get, "74", {}});
    measure("lsm (200 puts, memtable 4)", fg::LsmDiagram({4, 4, 4, 10, false}, lops));
    std::vector<fg::redis::ClusterOp> hops;
    for (int i = 0; i < 50; ++i) {
        fg::redis::ClusterOp op;
        op.key = "user:" + std::to_string(i);
        op.value = std::string("v");
        hops.push_back(op);
    }
    fg::redis::ClusterOp add;
    add.kind = fg::redis::ClusterOp::Kind::AddNode;
    hops.push_back(add);
    hops.push_back(hops.front());
    measure("hashslot (50 keys, add node)", fg::HashslotDiagram(3, 1, hops));
    std::vector<fg::kafka::KafkaOp> kops;
    fg::kafka::KafkaOp produce;
    produce.topic = "orders";
    produce.value = "v";
    produce.count = 60;
    kops.push_back(produce);
    fg::kafka::KafkaOp join;
    join.kind = fg::kafka::KafkaOp::Kind::Join;
    join.group = "g";
    for (const char* c : {"C0", "C1"}) {
        join.consumer = c;
        kops.push_back(join);
    }
    measure("kafka (60 records, a group)", fg::KafkaDiagram({}, kops));
    fg::timeseries::TieredOp ingest;
    ingest.generate = fg::timeseries::Generator{0, 6 * 3600'000, 1000, 1, "sine"};
    fg::timeseries::TieredOp adv;
    adv.kind = fg::timeseries::TieredOp::Kind::Advance;
    adv.byMs = 3600'000;
    measure("downsample (6 h at 1 s)",
            fg::DownsampleDiagram(fg::timeseries::TieredStore::defaultTiers(), {ingest, adv}));
    QElapsedTimer build;
    build.start();
    const fg::BTreeDiagram big(
        fg::btree::Params::withOrder(64),
        {BOp::insertRandom(100'000, 64, 1, 9'999'999), BOp::search(4'242'424)});
    fg::bench::row("frames",
                   "btree 100,000 keys: the timeline of " + std::to_string(big.stepCount()) +
                       " steps built",
                   fg::bench::ms(double(build.nsecsElapsed()) / 1e6, 0));
    measure("btree (100,000 keys, fit)", big);
    measure("btree (100,000 keys, 40x)", big, 40);
    {
        fg::DownsampleView view;
        measurePage(view, 0, "time-series page, \"A day of 5-second points\"");
    }
    {
        fg::HashslotView view;
        const int last = int(view.presetActions().size()) - 1;
        measurePage(view, last, "Redis page, \"300 keys ... then a fourth master\"");
    }
    return 0;
}
