#include "figure/figure_renderer.h"

#include <QFont>
#include <QString>

namespace fg {

// Placeholder scene until the full layout lands: a titled card.
struct FigureScene {
    QString title;
    QSizeF size;
    qreal bodyPx = 16;
};

FigureRenderer::FigureRenderer(const nlohmann::json& figure, const Theme& theme, qreal width,
                               qreal bodyPx)
    : theme_(theme), scene_(std::make_unique<FigureScene>()) {
    scene_->title = QString::fromStdString(figure.value("title", std::string()));
    scene_->bodyPx = bodyPx;
    scene_->size = QSizeF(width, bodyPx * 4);
}

FigureRenderer::~FigureRenderer() = default;
FigureRenderer::FigureRenderer(FigureRenderer&&) noexcept = default;
FigureRenderer& FigureRenderer::operator=(FigureRenderer&&) noexcept = default;

QSizeF FigureRenderer::size() const {
    return scene_->size;
}

void FigureRenderer::paint(QPainter& p) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(theme_.line, theme_.lineWidth));
    p.setBrush(theme_.surface);
    p.drawRoundedRect(QRectF(QPointF(0, 0), scene_->size).adjusted(1, 1, -1, -1), 8, 8);
    QFont f;
    f.setPixelSize(qRound(scene_->bodyPx * 1.1));
    f.setBold(true);
    p.setFont(f);
    p.setPen(theme_.text);
    p.drawText(QRectF(QPointF(0, 0), scene_->size), Qt::AlignCenter, scene_->title);
    p.restore();
}

QImage FigureRenderer::toImage(qreal dpr) const {
    const QSize px = (scene_->size * dpr).toSize();
    QImage img(px, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(theme_.background);
    QPainter p(&img);
    paint(p);
    return img;
}

} // namespace fg
