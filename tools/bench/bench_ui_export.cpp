// Export times of every live diagram of the registry (a benchmark, not a test): each diagram's
// default picture (a default scenario's last step; B-Tree vs LSM's charts) written as a 3840x2160
// PNG, an SVG and a one-page PDF through the same code as `fieldguide export --chapter`, best of 5
// runs each.
// Run: cmake --build build --target benchmarks && QT_QPA_PLATFORM=offscreen
// build/tools/bench_ui_export
#include "tools/bench/bench_table.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
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
    for (const auto& diagram : fg::liveDiagrams()) {
        const std::string id = diagram.id.toStdString();
        fg::Status st;
        const fg::PaintFunction paint = fg::defaultPicture(diagram, theme, st);
        if (!paint) {
            std::fprintf(stderr, "%s: %s\n", id.c_str(), st.message().c_str());
            return 1;
        }
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
                const fg::Status error = fg::exportPicture(
                    paint, format, dir.filePath(QString("%1.%2").arg(diagram.id, ext)), o);
                best = std::min(best, double(t.nsecsElapsed()) / 1e6);
                if (!error) {
                    std::fprintf(stderr, "%s\n", error.message().c_str());
                    return 1;
                }
            }
            ms[i++] = best;
        }
        fg::bench::row("export", id + ": PNG 3840x2160 / SVG / PDF (best of 5)",
                       fg::bench::ms(ms[0], 0) + " / " + fg::bench::ms(ms[1]) + " / " +
                           fg::bench::ms(ms[2]));
    }
    return 0;
}
