#include "app/cli_export.h"

#include "engines/cli/commands.h"
#include "engines/cli/key_input.h"
#include "engines/cli/terminal_text.h"
#include "engines/scenario/scenario.h"
#include "models/course/content_loader.h"
#include "models/io/status_text.h"
#include "widgets/canvas/opening_sentence.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/export/picture_export.h"
#include "widgets/figure/figure_renderer.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QString>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

namespace fg::app {

namespace {

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "fieldguide export: %s\n", cli::printable(message).c_str());
    return code;
}

// A failed export: the app's sentence ("Could not write PATH: REASON") after the command's name,
// exit status 1 when the system failed (2 for bad input).
int failWrite(const Status& error) {
    QString clause = messageOf(error);
    if (clause.startsWith(QLatin1String("Could not"))) {
        clause[0] = clause[0].toLower();
    }
    return fail(cli::exitFor(error), clause.toStdString());
}

struct ExportArgs {
    std::string scenarioPath, chapter, out, format, theme = "light";
    long long width = 1920, height = 1080, step = -1;
    double scale = 1.0;
};

// One picture of a chapter: a file name (without extension) and how to draw it.
struct ChapterPicture {
    QString name;
    QSizeF size;
    PaintFunction paint;
    QString title;
};

// A figure of the course as a picture of `size`: laid out at the width among a few that sets its
// type largest once the figure is fitted inside the picture's margin (5% of the shorter side, as
// a diagram's), then drawn scaled and centred. A wide slide takes a wide layout, a tall page a
// narrow one (a tree goes indented when narrow).
PaintFunction figurePicture(const nlohmann::json& block, const Theme& theme, QSizeF size) {
    constexpr qreal kBodyPx = 18;
    const qreal margin = 0.05 * std::min(size.width(), size.height());
    const QSizeF area(size.width() - 2 * margin, size.height() - 2 * margin);
    std::shared_ptr<FigureRenderer> best;
    qreal bestScale = 0;
    for (const qreal width : {area.width(), 1600.0, 1200.0, 960.0, 720.0, 540.0}) {
        if (width > area.width() + 0.5 && best) {
            continue; // a layout wider than the picture only shrinks
        }
        auto fig = std::make_shared<FigureRenderer>(block, theme, std::max(width, 320.0), kBodyPx);
        const QSizeF s = fig->size();
        if (s.isEmpty()) {
            continue;
        }
        const qreal k = std::min({area.width() / s.width(), area.height() / s.height(), 3.0});
        if (k > bestScale * 1.02) {
            best = std::move(fig);
            bestScale = k;
        }
    }
    if (!best) {
        return [](QPainter&, QSizeF) {};
    }
    return [best, bestScale](QPainter& p, QSizeF s) {
        const QSizeF drawn = best->size() * bestScale;
        p.save();
        p.translate((s.width() - drawn.width()) / 2, (s.height() - drawn.height()) / 2);
        p.scale(bestScale, bestScale);
        best->paint(p);
        p.restore();
    };
}

int exportChapter(const ExportArgs& a, PictureFormat fmt, const Theme& theme) {
    const Course course = loadCourse(diagramLinks(), kEnglishContent); // as docs/cli.md says
    const Chapter* chapter = nullptr;
    QStringList ids;
    for (const auto& ch : course.chapters) {
        ids << ch.id;
        if (ch.id == QString::fromStdString(a.chapter)) {
            chapter = &ch;
        }
    }
    if (!chapter) {
        return fail(cli::kUsage, "no chapter \"" + a.chapter +
                                     "\" (the chapters: " + ids.join(", ").toStdString() + ")");
    }
    if (!chapter->loaded()) {
        return fail(cli::kUsage, "the chapter " + a.chapter + " did not load");
    }
    const QSizeF size(static_cast<qreal>(a.width), static_cast<qreal>(a.height));
    std::vector<ChapterPicture> pictures;
    // Live diagrams as their registry rows draw them (a diagram with steps: its default scenario
    // at its last step).
    for (const QString& id : chapter->diagramIds()) {
        const LiveDiagram* diagram = liveDiagram(id);
        if (!diagram) { // the loader refuses a chapter naming another id
            return fail(cli::kRuntime, id.toStdString() + ": no such live diagram");
        }
        Status st;
        PaintFunction paint = defaultPicture(*diagram, theme, st);
        if (!paint) {
            return fail(cli::kRuntime, id.toStdString() + ": " + st.message());
        }
        pictures.push_back({id, size, std::move(paint), diagram->pictureTitle()});
    }
    // Figures drawn from the course's data, at W x H like the diagrams, laid out to fill it.
    for (const auto& section : chapter->sections) {
        for (const auto& block : section.blocks) {
            if (block.value("type", std::string()) != "figure") {
                continue;
            }
            pictures.push_back({QString::fromStdString(block.value("id", std::string("figure"))),
                                size, figurePicture(block, theme, size),
                                QString::fromStdString(block.value("title", std::string()))});
        }
    }
    if (pictures.empty()) {
        return fail(cli::kUsage,
                    "the chapter " + a.chapter + " has no live diagram and no figure to export");
    }
    const QString dir = QString::fromStdString(a.out);
    if (!QDir().mkpath(dir) || !QFileInfo(dir).isWritable()) {
        return fail(cli::kRuntime, "cannot write into " + a.out + ": not a writable directory");
    }
    const char* ext = fmt == PictureFormat::Png ? "png" : fmt == PictureFormat::Svg ? "svg" : "pdf";
    int done = 0;
    for (const auto& pic : pictures) {
        const QString path = QDir(dir).filePath(pic.name + QLatin1Char('.') + QLatin1String(ext));
        PictureOptions o;
        o.size = pic.size;
        o.scale = a.scale;
        o.background = theme.background;
        o.title = pic.title;
        std::fprintf(stderr, "[%d/%zu] %s\n", ++done, pictures.size(),
                     path.toLocal8Bit().constData());
        if (const Status error = exportPicture(pic.paint, fmt, path, o); !error) {
            return failWrite(error);
        }
    }
    return cli::kOk;
}

} // namespace

int exportCommand(const std::vector<std::string>& args) {
    ExportArgs x;
    auto& [scenarioPath, chapter, out, format, theme, width, height, step, scale] = x;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        auto intArg = [&](long long lo, long long hi, long long& v) {
            return hasValue && cli::parseIntArg(args[++i], lo, hi, v);
        };
        static const char* const kValued[] = {"--out",    "--format", "--theme", "--width",
                                              "--height", "--step",   "--scale", "--chapter"};
        if (!hasValue &&
            std::find(std::begin(kValued), std::end(kValued), a) != std::end(kValued)) {
            return fail(cli::kUsage, a + " needs a value (see fieldguide export --help)");
        }
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
                return fail(cli::kUsage, "--step needs a step number from 0 to 100000000 (0 is "
                                         "the start, before any step)");
            }
        } else if (a == "--scale" && hasValue) {
            bool ok = false;
            scale = QString::fromStdString(args[++i]).toDouble(&ok);
            if (!ok || !(scale > 0 && scale <= 8)) { // also refuses nan
                return fail(cli::kUsage, "--scale needs a number above 0 and at most 8");
            }
        } else if (a == "--chapter" && hasValue) {
            chapter = args[++i];
        } else if (a.size() > 1 && a[0] == '-') { // "-" alone is standard input
            return fail(cli::kUsage, "unknown option " + a + " (see fieldguide export --help)");
        } else if (scenarioPath.empty()) {
            scenarioPath = a;
        } else {
            return fail(cli::kUsage, "one scenario file at a time");
        }
    }
    if ((scenarioPath.empty() == chapter.empty()) || out.empty()) {
        return fail(cli::kUsage,
                    "usage: fieldguide export SCENARIO.json --out FILE [--format png|svg|pdf] ...\n"
                    "   or: fieldguide export --chapter ID --out DIR [--format png|svg|pdf] ...");
    }
    if (!chapter.empty() && format.empty()) {
        format = "png";
    }
    if (!chapter.empty() && step >= 0) {
        return fail(cli::kUsage, "--step is for one scenario, not --chapter (a chapter's diagrams "
                                 "are drawn at their last step)");
    }
    const auto fmt = pictureFormatFromName(QString::fromStdString(format.empty() ? out : format));
    if (!fmt) {
        const std::string named = format.empty() ? out : format;
        // An animation is a film of the steps, made in the app (File > Export animation), not
        // a picture: say so rather than "cannot tell the format".
        const QString lower = QString::fromStdString(named).toLower();
        if (lower == QLatin1String("gif") || lower == QLatin1String("webp") ||
            lower.endsWith(QLatin1String(".gif")) || lower.endsWith(QLatin1String(".webp"))) {
            return fail(cli::kUsage, named + ": the command line exports pictures (png, svg or "
                                             "pdf); animations are made in the app, with File > "
                                             "Export animation");
        }
        return fail(cli::kUsage, "cannot tell the format of " + named +
                                     ": use --format png, svg or pdf, or a file ending in one");
    }
    // The picture's size in pixels is checked here, before anything is drawn: a size no picture
    // can have is bad usage (exit 2), not a failure of the export.
    const double pixelsWide = static_cast<double>(width) * scale;
    const double pixelsHigh = static_cast<double>(height) * scale;
    if (pixelsWide < 1 || pixelsHigh < 1) {
        return fail(cli::kUsage,
                    "--scale " + std::to_string(scale) + " leaves less than one pixel");
    }
    if (*fmt == PictureFormat::Png &&
        (pixelsWide > 32768 || pixelsHigh > 32768 || pixelsWide * pixelsHigh > 400e6)) {
        return fail(cli::kUsage, std::to_string(static_cast<long long>(pixelsWide)) + " x " +
                                     std::to_string(static_cast<long long>(pixelsHigh)) +
                                     " pixels is too large for a PNG (at most 32768 on a side and "
                                     "400 million pixels): lower --width, --height or --scale");
    }
    if (theme != "light" && theme != "dark" && theme != "projector") {
        return fail(cli::kUsage, "--theme is light, dark or projector, not " + theme);
    }
    const Theme t = Theme::byName(QString::fromStdString(theme));
    if (!chapter.empty()) {
        return exportChapter(x, *fmt, t);
    }
    nlohmann::json scenario;
    if (const Status s = scenario::readFile(scenarioPath, std::cin, scenario); !s) {
        return fail(cli::exitFor(s), s.message());
    }
    Status st;
    // Steps are numbered as the app numbers them ("Step 3 of 112"): --step 3 is the state after
    // the third step (position 2), --step 0 the start, before any step (position -1). One
    // picture: the source keeps the state at that step alone, not every step of the run.
    const int wanted = step < 0 ? KeepOnly::kLast : static_cast<int>(step) - 1;
    const auto diagram = makeDiagramSource(scenario, st, KeepOnly{wanted});
    if (!diagram) {
        return fail(cli::kUsage, scenarioPath + ": " + st.message());
    }
    if (step > diagram->stepCount()) {
        return fail(cli::kUsage, "--step " + std::to_string(step) + ": the scenario has " +
                                     std::to_string(diagram->stepCount()) +
                                     " steps (--step 0 is the start, --step " +
                                     std::to_string(diagram->stepCount()) + " the last step)");
    }
    const int position = step < 0 ? diagram->stepCount() - 1 : wanted;
    const Frame frame = diagram->frame(position, t);
    PictureOptions o;
    o.size = QSizeF(static_cast<qreal>(width), static_cast<qreal>(height));
    o.scale = scale;
    o.background = t.background;
    o.title = QStringLiteral("%1, step %2 of %3")
                  .arg(diagramTitle(scenario["engine"].get<std::string>()))
                  .arg(position + 1)
                  .arg(diagram->stepCount());
    // Before the first step (--step 0), the sentence the app shows there, as a picture says it.
    const auto title = scenario.find("title");
    const QString narration =
        position < 0 ? openingSentence(title != scenario.end() && title->is_string()
                                           ? QString::fromStdString(title->get<std::string>())
                                           : QString(),
                                       diagram->stepCount(), OpeningFor::Picture)
                     : diagram->narration(position);
    const Status error = exportPicture(
        [&](QPainter& p, QSizeF size) { paintDiagramPicture(p, size, frame, narration, t); }, *fmt,
        QString::fromStdString(out), o);
    if (!error) {
        return failWrite(error);
    }
    return cli::kOk;
}

} // namespace fg::app
