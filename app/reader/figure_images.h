// The reader's figures drawn on worker threads: the first chapter's figures are drawn while the
// window finishes being laid out, and put in place just before the reader first paints them.
#pragma once

#include "models/theme/theme.h"

#include <QImage>
#include <QString>
#include <future>
#include <map>
#include <nlohmann/json_fwd.hpp>

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
    // Puts every drawing under way into `doc` as the image resource of its name, waiting for
    // those not done yet.
    void place(QTextDocument* doc);
    // Forgets the drawing of `name`, if one is under way (drawn again at once).
    void cancel(const QString& name);
    // Forgets every drawing under way (another chapter, or another course).
    void cancelAll();

private:
    std::map<QString, std::future<QImage>> drawing_;
};

} // namespace fg
