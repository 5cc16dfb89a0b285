// DiagramCanvas's cameras: what a run draws over all its steps (the desk's frame for a source
// that holds its place, and a slide's), what it has drawn up to each step (a slide's growing
// camera), and the union with a partner's (a Lab page's two drawings at one scale).
#include "widgets/canvas/diagram_canvas.h"

#include <QElapsedTimer>
#include <algorithm>
#include <numeric>

namespace fg {

void DiagramCanvas::frameCameras(int position, int previous) {
    const bool growing = slide_ && source_ && !source_->holdsItsPlace();
    from_.camera = growing ? stepCamera(previous) : QRectF();
    to_.camera = growing ? stepCamera(position) : QRectF();
}

RunExtent runExtent(const DiagramSource& source, const Theme& theme,
                    const std::vector<int>& positions, int budgetMs) {
    RunExtent run;
    QElapsedTimer clock;
    clock.start();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (budgetMs > 0 && i >= 2 && clock.elapsed() > budgetMs) {
            break;
        }
        const Frame f = source.frame(positions[i], theme);
        run.each.push_back(f.bounds());
        run.bounds = run.bounds.united(run.each.back());
        run.largestTextPx = std::max(run.largestTextPx, f.largestTextPx());
    }
    if (!run.bounds.isValid()) {
        run.bounds = QRectF(0, 0, 1, 1);
    }
    return run;
}

QRectF runBounds(const DiagramSource& source, const Theme& theme, int first, int last) {
    last = last == -2 ? source.stepCount() - 1 : last;
    std::vector<int> positions;
    for (int pos = std::max(-1, first); pos <= last; ++pos) {
        positions.push_back(pos);
    }
    return runExtent(source, theme, positions).bounds;
}

void DiagramCanvas::computeRunCamera() const {
    const int steps = source_->stepCount();
    // Every step of a run up to kRunCameraSteps; past it the ends and kRunCameraSamples steps
    // spread evenly, within a time budget: the union of a huge run would lay out every frame on
    // the UI thread.
    std::vector<int> positions;
    cameraSampled_ = steps > kRunCameraSteps;
    if (!cameraSampled_) {
        for (int pos = -1; pos < steps; ++pos) {
            positions.push_back(pos);
        }
    } else {
        // The ends first, then the samples in an order whose every prefix is spread over the
        // run (the middle, the quarters, the eighths...), so that stopping early still sees all
        // of it.
        positions.push_back(steps - 1);
        positions.push_back(-1);
        for (int stride = kRunCameraSamples; stride >= 2; stride /= 2) {
            for (int i = stride / 2; i < kRunCameraSamples; i += stride) {
                positions.push_back(int(qint64(steps - 1) * i / kRunCameraSamples));
            }
        }
        positions.push_back(0);
    }
    // A sampled run stops after kRunCameraBudgetMs (the ends always): the 100,000-key B-Tree's
    // trees take a fifth of a second each to lay out.
    const RunExtent run =
        runExtent(*source_, theme_, positions, cameraSampled_ ? kRunCameraBudgetMs : 0);
    runCamera_ = run.bounds;
    runLargestFont_ = run.largestTextPx;
    std::vector<std::size_t> order(run.each.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
    cameraPositions_.clear();
    cameraSoFar_.clear();
    QRectF soFar;
    for (const std::size_t i : order) {
        soFar = soFar.united(run.each[i]);
        cameraPositions_.push_back(positions[i]);
        cameraSoFar_.push_back(soFar);
    }
}

QRectF DiagramCanvas::stepCamera(int position) const {
    if (!ownRunCamera().isValid()) {
        return {};
    }
    const auto after = std::upper_bound(cameraPositions_.begin(), cameraPositions_.end(), position);
    return after == cameraPositions_.begin()
               ? QRectF()
               : cameraSoFar_[std::size_t(after - cameraPositions_.begin()) - 1];
}

QRectF DiagramCanvas::ownRunCamera() const {
    if (!source_) {
        return {};
    }
    if (!runCamera_.isValid()) {
        computeRunCamera();
    }
    return runCamera_;
}

QRectF DiagramCanvas::runCamera() const {
    const QRectF own = ownRunCamera();
    const bool shared = partner_ && partner_->source_ && partner_->source_->holdsItsPlace();
    return shared && own.isValid() ? own.united(partner_->ownRunCamera()) : own;
}

qreal DiagramCanvas::runLargestFont() const {
    const bool shared = partner_ && partner_->source_ && partner_->source_->holdsItsPlace();
    if (shared) {
        partner_->ownRunCamera();
    }
    return std::max(runLargestFont_, shared ? partner_->runLargestFont_ : 0);
}

void DiagramCanvas::setCameraPartner(const DiagramCanvas* partner) {
    partner_ = partner;
    update();
}

} // namespace fg
