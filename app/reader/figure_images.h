// The reader's figures drawn on worker threads: the first chapter's figures are drawn while the
// window finishes being laid out, and put in place just before the reader first paints them.
#pragma once

#include "models/theme/theme.h"

#include <QImage>
#include <QSizeF>
#include <QString>
#include <future>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <vector>

class QTextDocument;

namespace fg {

class FigureImages {
public:
    FigureImages() = default;
    FigureImages(const FigureImages&) = delete;
    FigureImages& operator=(const FigureImages&) = delete;
    ~FigureImages() { cancelAll(); }

    // Starts drawing `figure` on a worker thread as an opaque image (FigureRenderer::toImage),
    // laid out there afresh: a layout's fonts belong to the thread that made them.
    // REQUIRES: `figure` outlives the drawing (the course's).
    void draw(const QString& name, const nlohmann::json& figure, const Theme& theme, qreal width,
              qreal bodyPx, qreal dpr);
    // The size of the figure being drawn under `name` (FigureRenderer::size), waiting for the
    // worker's layout if it is not done yet; an empty size when no drawing of it is under way.
    QSizeF size(const QString& name) const;
    // Puts every drawing under way into `doc` as the image resource of its name, waiting for
    // those not done yet.
    void place(QTextDocument* doc);
    // Forgets the drawing of `name`, if one is under way (drawn again at once): the worker
    // finishes on its own, unwaited for.
    void cancel(const QString& name);
    // Forgets every drawing under way, unwaited for (another chapter, or drawn again now).
    void cancelEach();
    // Forgets every drawing, waiting for the workers still under way (they read the course's
    // figures: another course, or the reader's end).
    void cancelAll();
    // How many drawings were started (what a test counts).
    int started() const { return started_; }

private:
    struct Drawing {
        std::shared_future<QSizeF> size;
        std::future<QImage> image;
    };
    void forgetFinished();
    std::map<QString, Drawing> drawing_;
    std::vector<std::future<QImage>> forgotten_; // cancelled, their workers not yet done
    int started_ = 0;
};

} // namespace fg
