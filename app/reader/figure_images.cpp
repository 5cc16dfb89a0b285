#include "app/reader/figure_images.h"

#include "widgets/figure/figure_renderer.h"

#include <QPixmap>
#include <QTextDocument>
#include <QUrl>
#include <nlohmann/json.hpp>

namespace fg {

void FigureImages::draw(const QString& name, const nlohmann::json& figure, const Theme& theme,
                        qreal width, qreal bodyPx, qreal dpr) {
    cancel(name);
    drawing_.emplace(name, std::async(std::launch::async, [&figure, theme, width, bodyPx, dpr] {
                         return FigureRenderer(figure, theme, width, bodyPx)
                             .toImage(dpr, nullptr, QImage::Format_RGB32);
                     }));
}

void FigureImages::place(QTextDocument* doc) {
    for (auto it = drawing_.begin(); it != drawing_.end(); it = drawing_.erase(it)) {
        doc->addResource(QTextDocument::ImageResource, QUrl(it->first),
                         QPixmap::fromImage(it->second.get()));
    }
}

void FigureImages::cancel(const QString& name) {
    if (const auto it = drawing_.find(name); it != drawing_.end()) {
        it->second.wait(); // the worker reads the course's figure: it ends before anything changes
        drawing_.erase(it);
    }
}

void FigureImages::cancelAll() {
    for (auto& [name, image] : drawing_) {
        image.wait();
    }
    drawing_.clear();
}

} // namespace fg
