#include "cli_export.h"

#include "cli/commands.h"
#include "cli/key_input.h"
#include "diagrams/btree_diagram.h"
#include "export/picture_export.h"
#include "scenario/btree_scenario.h"
#include "scenario/scenario.h"

#include <QPainter>
#include <QString>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace fg::app {

namespace {

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "fieldguide export: %s\n", message.c_str());
    return code;
}

} // namespace

int exportCommand(const std::vector<std::string>& args) {
    std::string scenarioPath, out, format, theme = "light";
    long long width = 1920, height = 1080, step = -1;
    double scale = 1.0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        auto intArg = [&](long long lo, long long hi, long long& v) {
            return hasValue && cli::parseIntArg(args[++i], lo, hi, v);
        };
        if (a == "--out" && hasValue) {
            out = args[++i];
        } else if (a == "--format" && hasValue) {
            format = args[++i];
        } else if (a == "--theme" && hasValue) {
            theme = args[++i];
        } else if (a == "--width") {
            if (!intArg(16, 16384, width)) {
                return fail(cli::kUsage, "--width needs a number of pixels from 16 to 16384");
            }
        } else if (a == "--height") {
            if (!intArg(16, 16384, height)) {
                return fail(cli::kUsage, "--height needs a number of pixels from 16 to 16384");
            }
        } else if (a == "--step") {
            if (!intArg(0, 100'000'000, step)) {
                return fail(cli::kUsage, "--step needs a step number, 0 or more");
            }
        } else if (a == "--scale" && hasValue) {
            bool ok = false;
            scale = QString::fromStdString(args[++i]).toDouble(&ok);
            if (!ok || scale <= 0 || scale > 8) {
                return fail(cli::kUsage, "--scale needs a number above 0 and at most 8");
            }
        } else if (a == "--chapter") {
            return fail(cli::kUsage,
                        "--chapter: exporting a chapter's diagrams is not in this version yet");
        } else if (!a.empty() && a[0] == '-') {
            return fail(cli::kUsage, "unknown option " + a + " (see fieldguide --help)");
        } else if (scenarioPath.empty()) {
            scenarioPath = a;
        } else {
            return fail(cli::kUsage, "one scenario file at a time");
        }
    }
    if (scenarioPath.empty() || out.empty()) {
        return fail(cli::kUsage,
                    "usage: fieldguide export SCENARIO.json --out FILE [--format png|svg|pdf] ...");
    }
    const auto fmt = pictureFormatFromName(QString::fromStdString(format.empty() ? out : format));
    if (!fmt) {
        return fail(cli::kUsage, "cannot tell the format of " + (format.empty() ? out : format) +
                                     ": use --format png, svg or pdf, or a file ending in one");
    }
    if (theme != "light" && theme != "dark" && theme != "projector") {
        return fail(cli::kUsage, "--theme is light, dark or projector, not " + theme);
    }
    std::ifstream f(scenarioPath, std::ios::binary);
    if (!f) {
        return fail(cli::kUsage, "cannot read " + scenarioPath + ": no such file, or not readable");
    }
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    nlohmann::json scenario;
    if (const Status s = scenario::parse(text, scenarioPath, scenario); !s) {
        return fail(cli::kUsage, s.message());
    }
    const std::string engine = scenario.is_object() ? scenario.value("engine", std::string()) : "";
    if (engine != "btree") {
        nlohmann::json ignored;
        if (const Status s = scenario::run(scenario, ignored); !s) {
            return fail(cli::kUsage, scenarioPath + ": " + s.message());
        }
        return fail(cli::kUsage,
                    "the " + engine +
                        " diagram cannot be exported in this version yet (the B-Tree can)");
    }
    BtreeScenario sc;
    if (const Status s = parseBtreeScenario(scenario, sc); !s) {
        return fail(cli::kUsage, scenarioPath + ": " + s.message());
    }
    const BTreeDiagram diagram(sc.params, sc.ops);
    if (step >= diagram.stepCount()) {
        return fail(cli::kUsage, "--step " + std::to_string(step) + ": the scenario has " +
                                     std::to_string(diagram.stepCount()) + " steps (0 to " +
                                     std::to_string(diagram.stepCount() - 1) + ")");
    }
    const Theme t = Theme::byName(QString::fromStdString(theme));
    const int position = step < 0 ? diagram.stepCount() - 1 : static_cast<int>(step);
    const Frame frame = diagram.frame(position, t);
    PictureOptions o;
    o.size = QSizeF(static_cast<qreal>(width), static_cast<qreal>(height));
    o.scale = scale;
    o.background = t.background;
    o.title = QStringLiteral("B-Tree, step %1").arg(position + 1);
    const QString narration = diagram.narration(position);
    const QString error = exportPicture(
        [&](QPainter& p, QSizeF size) {
            // The frame, fitted inside a margin, with the step's narration under it.
            const qreal margin = 0.04 * size.height();
            const qreal captionH = narration.isEmpty() ? 0 : 0.08 * size.height();
            const QRectF area(margin, margin, size.width() - 2 * margin,
                              size.height() - 2 * margin - captionH);
            const QSizeF content = frame.size.isEmpty() ? QSizeF(1, 1) : frame.size;
            const qreal k =
                std::min({area.width() / content.width(), area.height() / content.height(), 3.0});
            p.save();
            p.translate(area.center() - QPointF(content.width() * k / 2, content.height() * k / 2));
            p.scale(k, k);
            paintFrame(p, frame);
            p.restore();
            if (!narration.isEmpty()) {
                QFont font(QStringLiteral("DejaVu Sans"));
                font.setPixelSize(std::max(10, qRound(captionH * 0.38)));
                p.setFont(font);
                p.setPen(t.text);
                p.drawText(QRectF(margin, size.height() - margin - captionH,
                                  size.width() - 2 * margin, captionH),
                           Qt::AlignCenter | Qt::TextWordWrap, narration);
            }
        },
        *fmt, QString::fromStdString(out), o);
    if (!error.isEmpty()) {
        return fail(cli::kRuntime, error.toStdString());
    }
    return cli::kOk;
}

} // namespace fg::app
