#include "app/reader/figure_images.h"

#include "widgets/figure/figure_renderer.h"

#include <QPixmap>
#include <QTextDocument>
#include <QUrl>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

namespace fg {

void FigureImages::draw(const QString& name, const nlohmann::json& figure, const Theme& theme,
                        qreal width, qreal bodyPx, qreal dpr) {
    cancel(name);
    auto laidOut = std::make_shared<std::promise<QSizeF>>();
    Drawing d;
    d.size = laidOut->get_future().share();
    d.image = std::async(std::launch::async, [&figure, theme, width, bodyPx, dpr, laidOut] {
        const FigureRenderer r(figure, theme, width, bodyPx);
        laidOut->set_value(r.size()); // the text can be laid out around it while it is drawn
        return r.toImage(dpr, nullptr, QImage::Format_RGB32);
    });
    drawing_.emplace(name, std::move(d));
    ++started_;
}

QSizeF FigureImages::size(const QString& name) const {
    const auto it = drawing_.find(name);
    return it == drawing_.end() ? QSizeF() : it->second.size.get();
}

void FigureImages::place(QTextDocument* doc) {
    for (auto it = drawing_.begin(); it != drawing_.end(); it = drawing_.erase(it)) {
        doc->addResource(QTextDocument::ImageResource, QUrl(it->first),
                         QPixmap::fromImage(it->second.image.get()));
    }
    forgetFinished();
}

void FigureImages::cancel(const QString& name) {
    if (const auto it = drawing_.find(name); it != drawing_.end()) {
        forgotten_.push_back(std::move(it->second.image));
        drawing_.erase(it);
    }
    forgetFinished();
}

void FigureImages::cancelEach() {
    for (auto& [name, d] : drawing_) {
        forgotten_.push_back(std::move(d.image));
    }
    drawing_.clear();
    forgetFinished();
}

void FigureImages::forgetFinished() {
    std::erase_if(forgotten_, [](const std::future<QImage>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
}

void FigureImages::cancelAll() {
    for (auto& [name, d] : drawing_) {
        d.image.wait();
    }
    drawing_.clear();
    for (auto& f : forgotten_) {
        f.wait();
    }
    forgotten_.clear();
}

} // namespace fg
