#include "widgets/export/animation_export.h"

#include "models/io/atomic_file.h"
#include "models/io/status_text.h"
#include "widgets/canvas/opening_sentence.h"
#include "widgets/export/diagram_picture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <gif_lib.h>
#include <vector>

namespace fg {

namespace {

// The words of this file go to translators under fg::AnimationExport (tr() and lupdate agree).
struct AnimationExportWords {
    Q_DECLARE_TR_FUNCTIONS(fg::AnimationExport)
};

struct Plan {
    int first = -1, last = -1, perTransition = 1, perHold = 1;
    int frames() const { return (last - first) * (perTransition + perHold) + perHold; }
};

Plan planFor(const DiagramSource& source, const AnimationOptions& o) {
    Plan p;
    const int lastStep = source.stepCount() - 1;
    p.first = std::clamp(o.from, -1, lastStep);
    p.last = std::clamp(o.to == -2 ? lastStep : o.to, p.first, lastStep);
    const int fps = std::clamp(o.fps, 1, 60);
    p.perTransition = std::max(1, static_cast<int>(std::lround(o.transitionSeconds * fps)));
    p.perHold = std::max(1, static_cast<int>(std::lround(o.holdSeconds * fps)));
    return p;
}

// A frame's own colours for its GIF palette: the 256 most frequent (a diagram is flat fills,
// lines and text; the rest is their antialiasing, mapped to the nearest). Without a palette Qt
// used a fixed web palette: the pale fills came out bright cyan and yellow.
QList<QRgb> paletteOf(const QImage& img) {
    const QImage rgb = img.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            ++counts[line[x] | 0xff000000u];
        }
    }
    std::vector<std::pair<int, QRgb>> byCount;
    byCount.reserve(static_cast<std::size_t>(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        byCount.emplace_back(it.value(), it.key());
    }
    const std::size_t keep = std::min<std::size_t>(256, byCount.size());
    std::partial_sort(byCount.begin(), byCount.begin() + static_cast<std::ptrdiff_t>(keep),
                      byCount.end(), [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    QList<QRgb> palette;
    for (std::size_t i = 0; i < keep; ++i) {
        palette << byCount[i].second;
    }
    return palette;
}

qreal ease(qreal t) {
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

// The caption of position `pos` (the opening sentence before the first step).
QString captionOf(const DiagramSource& source, const AnimationOptions& o, int pos) {
    return pos < 0 ? animationOpening(source, o) : source.narration(pos);
}

// A frame `eased` of the way through the move to position `pos` says the step it leaves until
// half way, where the drawing's marks and words switch (tween), then the step it comes to: it
// said "appends it to orders-1 at offset 3" over a drawing that still marked offset 2 (a tester).
bool saysTheNextStep(qreal eased) {
    return eased >= 0.5;
}

// Renders every frame in order, handing each to `sink` with its duration in frames (a hold is
// one image shown for perHold frames).
template <class Sink>
Status renderFrames(const DiagramSource& source, const Theme& theme, const AnimationOptions& o,
                    const AnimationProgress& progress, Sink&& sink) {
    const Plan plan = planFor(source, o);
    if (const int steps = plan.last - plan.first; steps > kMaxAnimationSteps) {
        return badInput(
            AnimationExportWords::tr("An animation holds at most %L1 steps, and this range has "
                                     "%L2: choose a shorter range.")
                .arg(kMaxAnimationSteps)
                .arg(steps));
    }
    const int total = plan.frames();
    const QStringList captions = animationCaptions(source, o); // one a frame, in order
    const std::vector<QRectF> cameras = framingOf(source, theme, plan.first, plan.last);
    int done = 0;
    QImage img(o.size, QImage::Format_ARGB32_Premultiplied);
    auto draw = [&](const Frame& f, const QString& caption, const QRectF& camera) {
        img.fill(theme.background);
        QPainter p(&img);
        paintDiagramPicture(p, QSizeF(o.size), f, caption, theme, camera);
    };
    Frame previous = source.frame(plan.first, theme);
    for (int pos = plan.first; pos <= plan.last; ++pos) {
        const Frame target = source.frame(pos, theme);
        const QRectF& camera = cameras[std::size_t(pos - plan.first)];
        if (pos > plan.first) {
            const QRectF& from = cameras[std::size_t(pos - 1 - plan.first)];
            for (int i = 1; i <= plan.perTransition; ++i) {
                const qreal t = ease(qreal(i) / plan.perTransition);
                draw(tween(previous, target, t), captions.at(done),
                     QRectF(from.topLeft() + (camera.topLeft() - from.topLeft()) * t,
                            from.size() + (camera.size() - from.size()) * t));
                if (Status e = sink(img, 1); !e) {
                    return e;
                }
                if (progress && !progress(++done, total)) {
                    return Status::cancelled();
                }
            }
        }
        draw(target, captions.at(done), camera);
        if (Status e = sink(img, plan.perHold); !e) {
            return e;
        }
        done += plan.perHold;
        if (progress && !progress(done, total)) {
            return Status::cancelled();
        }
        previous = target;
    }
    return Status::ok();
}

int writeToFile(GifFileType* gif, const GifByteType* data, int length) {
    auto* file = static_cast<AtomicFile*>(gif->UserData);
    return static_cast<int>(file->device()->write(reinterpret_cast<const char*>(data), length));
}

} // namespace

int animationFrameCount(const DiagramSource& source, const AnimationOptions& options) {
    return planFor(source, options).frames();
}

QStringList animationCaptions(const DiagramSource& source, const AnimationOptions& o) {
    const Plan plan = planFor(source, o);
    QStringList out;
    for (int pos = plan.first; pos <= plan.last; ++pos) {
        for (int i = 1; pos > plan.first && i <= plan.perTransition; ++i) {
            out << captionOf(source, o,
                             saysTheNextStep(ease(qreal(i) / plan.perTransition)) ? pos : pos - 1);
        }
        for (int i = 0; i < plan.perHold; ++i) {
            out << captionOf(source, o, pos);
        }
    }
    return out;
}

QString animationOpening(const DiagramSource& source, const AnimationOptions& options) {
    const Plan plan = planFor(source, options);
    return openingSentence(options.scenarioTitle, plan.last - plan.first, OpeningFor::Picture);
}

std::vector<QRectF> framingOf(const DiagramSource& source, const Theme& theme, int first,
                              int last) {
    last = last == -2 ? source.stepCount() - 1 : last;
    first = std::max(-1, first);
    std::vector<QRectF> own;
    QRectF all;
    QSizeF largest;
    for (int pos = first; pos <= last; ++pos) {
        QRectF b = source.frame(pos, theme).bounds();
        if (!b.isValid()) {
            b = QRectF(0, 0, 1, 1);
        }
        own.push_back(b);
        all = all.united(b);
        largest = largest.expandedTo(b.size());
    }
    // Up to a quarter more than the largest frame each way, the drawing stays in place.
    constexpr qreal kWander = 1.25;
    if (all.width() <= kWander * largest.width() && all.height() <= kWander * largest.height()) {
        return std::vector<QRectF>(own.size(), all);
    }
    for (QRectF& camera : own) {
        const QPointF centre = camera.center();
        camera.setSize(largest);
        camera.moveCenter(centre);
    }
    return own;
}

void setStepRange(AnimationOptions& options, int firstStep, int lastStep, int stepCount) {
    const int last = std::clamp(lastStep, 1, std::max(1, stepCount));
    const int first = std::clamp(firstStep, 1, last);
    options.from = first - 2; // the state before the first step shown (-1: the start)
    options.to = last - 1;
}

Status exportGif(const DiagramSource& source, const Theme& theme, const QString& path,
                 const AnimationOptions& o, const AnimationProgress& progress) {
    AtomicFile file(path);
    if (const Status s = file.open(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    int error = 0;
    GifFileType* gif = EGifOpen(&file, writeToFile, &error);
    if (!gif) {
        return systemFailure(AnimationExportWords::tr("Could not start the GIF %1: %2")
                                 .arg(path, QString::fromLatin1(GifErrorString(error))));
    }
    const int w = o.size.width(), h = o.size.height();
    EGifSetGifVersion(gif, true); // GIF89a: delays and looping
    bool headerWritten = false;
    const int fps = std::clamp(o.fps, 1, 60);
    // Delays are whole hundredths of a second: each image's is counted from the frames shown so
    // far, so the rounding does not add up (at 12 fps a 19.3 s animation played in 18.9 s).
    std::int64_t framesShown = 0;
    const auto hundredths = [fps](std::int64_t frames) { return (100 * frames + fps / 2) / fps; };
    const Status result =
        renderFrames(source, theme, o, progress, [&](const QImage& img, int frames) -> Status {
            const QImage indexed = img.convertToFormat(QImage::Format_Indexed8, paletteOf(img),
                                                       Qt::ThresholdDither | Qt::AvoidDither);
            const QList<QRgb> table = indexed.colorTable();
            std::vector<GifColorType> colors(256);
            for (int i = 0; i < table.size() && i < 256; ++i) {
                colors[std::size_t(i)] = {GifByteType(qRed(table[i])),
                                          GifByteType(qGreen(table[i])),
                                          GifByteType(qBlue(table[i]))};
            }
            ColorMapObject* map = GifMakeMapObject(256, colors.data());
            if (!headerWritten) {
                if (EGifPutScreenDesc(gif, w, h, 8, 0, map) == GIF_ERROR) {
                    GifFreeMapObject(map);
                    return systemFailure(
                        AnimationExportWords::tr("Could not write %1 (GIF header)").arg(path));
                }
                // Loop forever (the NETSCAPE2.0 application extension).
                const GifByteType app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
                const GifByteType loop[] = {1, 0, 0};
                EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE);
                EGifPutExtensionBlock(gif, sizeof(app), app);
                EGifPutExtensionBlock(gif, sizeof(loop), loop);
                EGifPutExtensionTrailer(gif);
                headerWritten = true;
            }
            GraphicsControlBlock gcb{};
            gcb.DisposalMode = DISPOSE_DO_NOT;
            const std::int64_t from = hundredths(framesShown);
            framesShown += frames;
            gcb.DelayTime =
                static_cast<int>(std::max<std::int64_t>(1, hundredths(framesShown) - from));
            gcb.TransparentColor = NO_TRANSPARENT_COLOR;
            GifByteType ext[4];
            const std::size_t len = EGifGCBToExtension(&gcb, ext);
            EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(len), ext);
            const bool ok = EGifPutImageDesc(gif, 0, 0, w, h, false, map) != GIF_ERROR;
            GifFreeMapObject(map);
            for (int y = 0; ok && y < h; ++y) {
                if (EGifPutLine(gif, const_cast<GifPixelType*>(indexed.constScanLine(y)), w) ==
                    GIF_ERROR) {
                    return systemFailure(
                        file.status()
                            ? AnimationExportWords::tr("Could not write %1 (a GIF line)").arg(path)
                            : AtomicFile::describe(file.status()));
                }
            }
            if (!file.status()) { // giflib does not check every write (the extensions)
                return systemFailure(AtomicFile::describe(file.status()));
            }
            return ok ? Status::ok()
                      : systemFailure(
                            AnimationExportWords::tr("Could not write %1 (a GIF frame)").arg(path));
        });
    const bool closed = EGifCloseFile(gif, &error) != GIF_ERROR;
    if (!result) {
        file.cancel();
        return result;
    }
    if (!closed) {
        const Status s = file.status();
        file.cancel();
        return systemFailure(s ? AnimationExportWords::tr("Could not write %1: %2")
                                     .arg(path, QString::fromLatin1(GifErrorString(error)))
                               : AtomicFile::describe(s));
    }
    if (const Status s = file.commit(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    return Status::ok();
}

Status exportFrameSequence(const DiagramSource& source, const Theme& theme, const QString& dir,
                           const QString& baseName, const AnimationOptions& o,
                           const AnimationProgress& progress) {
    if (!QDir().mkpath(dir)) {
        return systemFailure(AnimationExportWords::tr("Could not create the folder %1").arg(dir));
    }
    QStringList written;
    int n = 0;
    const Status result =
        renderFrames(source, theme, o, progress, [&](const QImage& img, int frames) -> Status {
            for (int i = 0; i < frames; ++i) {
                const QString path = QDir(dir).filePath(
                    QStringLiteral("%1-%2.png").arg(baseName).arg(++n, 4, 10, QLatin1Char('0')));
                AtomicFile f(path);
                Status s = f.open();
                if (s) {
                    QImageWriter writer(f.device(), "png");
                    const bool wrote = writer.write(img);
                    s = f.status();
                    if (s && !wrote) {
                        return systemFailure(AnimationExportWords::tr("Could not write %1: %2")
                                                 .arg(path, writer.errorString()));
                    }
                }
                if (s) {
                    s = f.commit();
                }
                if (!s) {
                    return systemFailure(AtomicFile::describe(s));
                }
                written << path;
            }
            return Status::ok();
        });
    if (!result) {
        for (const QString& p : written) {
            QFile::remove(p);
        }
    }
    return result;
}

} // namespace fg
