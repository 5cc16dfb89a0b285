#include "widgets/figure/figure_renderer.h"

#include "widgets/figure/figure_layout.h"
#include "widgets/figure/figure_scene.h"

#include <nlohmann/json.hpp>

namespace fg {

FigureRenderer::FigureRenderer(const nlohmann::json& figure, const Theme& theme, qreal width,
                               qreal bodyPx)
    : theme_(theme), scene_(std::make_unique<FigureScene>()) {
    FigureLayout layout(theme_, bodyPx, *scene_);
    layout.layoutFigure(figure, width);
}

FigureRenderer::~FigureRenderer() = default;
FigureRenderer::FigureRenderer(FigureRenderer&&) noexcept = default;
FigureRenderer& FigureRenderer::operator=(FigureRenderer&&) noexcept = default;

QSizeF FigureRenderer::size() const {
    return scene_->size;
}

const FigureScene& FigureRenderer::scene() const {
    return *scene_;
}

void FigureRenderer::paint(QPainter& painter, const SceneHighlight* highlight) const {
    paintScene(painter, *scene_, highlight);
}

QImage FigureRenderer::toImage(qreal dpr, const SceneHighlight* highlight,
                               QImage::Format format) const {
    const QSize px = (scene_->size * dpr).toSize();
    QImage img(px, format);
    img.setDevicePixelRatio(dpr);
    img.fill(theme_.background);
    QPainter p(&img);
    paint(p, highlight);
    return img;
}

QImage FigureRenderer::toScaledImage(qreal scale, qreal dpr) const {
    QImage img((scene_->size * scale * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(theme_.background);
    QPainter p(&img);
    p.scale(scale, scale);
    paint(p);
    return img;
}

} // namespace fg
