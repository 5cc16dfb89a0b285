// Export times of every live diagram (a benchmark, not a test): each default scenario's last step
// written as a 3840x2160 PNG, an SVG and a one-page PDF through the same code as File > Export
// diagram and `fieldguide export`, best of 5 runs each.
// Run: cmake --build build --target benchmarks && QT_QPA_PLATFORM=offscreen
// build/tools/bench_ui_export
#include "tools/bench/bench_table.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/export/picture_export.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const fg::Theme theme = fg::Theme::light();
    for (const char* id : {"btree", "lsm", "hashslot", "kafka", "downsample"}) {
        fg::Status st;
        const auto source = fg::makeDiagramSource(fg::defaultScenario(id, st), st);
        if (!source) {
            std::fprintf(stderr, "%s: %s\n", id, st.message().c_str());
            return 1;
        }
        const int last = source->stepCount() - 1;
        const fg::Frame frame = source->frame(last, theme);
        const QString caption = source->narration(last);
        const fg::PaintFunction paint = [&](QPainter& p, QSizeF size) {
            fg::paintDiagramPicture(p, size, frame, caption, theme);
        };
        double ms[3];
        int i = 0;
        for (auto [format, ext] :
             {std::pair{fg::PictureFormat::Png, "png"}, std::pair{fg::PictureFormat::Svg, "svg"},
              std::pair{fg::PictureFormat::Pdf, "pdf"}}) {
            fg::PictureOptions o;
            o.size = format == fg::PictureFormat::Png ? QSizeF(3840, 2160) : QSizeF(1920, 1080);
            o.background = theme.background;
            double best = 1e9;
            for (int run = 0; run < 5; ++run) {
                QElapsedTimer t;
                t.start();
                const QString error = fg::exportPicture(
                    paint, format, dir.filePath(QString("%1.%2").arg(id, ext)), o);
                best = std::min(best, double(t.nsecsElapsed()) / 1e6);
                if (!error.isEmpty()) {
                    std::fprintf(stderr, "%s\n", qPrintable(error));
                    return 1;
                }
            }
            ms[i++] = best;
        }
        fg::bench::row("export", std::string(id) + ": PNG 3840x2160 / SVG / PDF (best of 5)",
                       fg::bench::ms(ms[0], 0) + " / " + fg::bench::ms(ms[1]) + " / " +
                           fg::bench::ms(ms[2]));
    }
    return 0;
}
