// PracticeFigure's slots picture (practice_figure.h): the cluster's masters along the 16,384
// slots, the one picked outlined and, once checked, the right one and a wrong pick marked under
// the slots in words, in colours that stand out on the page.
#include "widgets/practice/practice_figure.h"

#include <QPainter>
#include <algorithm>

namespace fg {

QRectF PracticeFigure::slotBar() const {
    const qreal line = fontMetrics().height();
    return {line, line * 1.5, width() - 2 * line, line * 2};
}

std::vector<PracticeFigure::SlotLabel> PracticeFigure::slotNumbers(const QRectF& bar,
                                                                   const std::vector<int>& runEnds,
                                                                   const QFontMetricsF& metrics) {
    const qreal gap = metrics.averageCharWidth() * 1.5;
    const auto labelAt = [&](qreal x, const QString& text) {
        return SlotLabel{
            QRectF(x, bar.bottom() + 2, metrics.horizontalAdvance(text) + 2, metrics.height()),
            text};
    };
    const QString endText = QString::number(kSlots - 1);
    const SlotLabel end = labelAt(bar.right() - metrics.horizontalAdvance(endText) - 2, endText);
    std::vector<SlotLabel> out;
    int first = 0;
    for (const int last : runEnds) {
        const SlotLabel l =
            labelAt(bar.left() + bar.width() * first / kSlots, QString::number(first));
        const bool clear = (out.empty() || l.rect.left() >= out.back().rect.right() + gap) &&
                           l.rect.right() + gap <= end.rect.left();
        if (clear) {
            out.push_back(l);
        }
        first = last + 1;
    }
    out.push_back(end);
    return out;
}

void PracticeFigure::paintSlots(QPainter& p) {
    const QRectF bar = slotBar();
    answerMarks_.clear();
    int first = 0;
    for (std::size_t i = 0; i < runEnds_.size(); ++i) {
        const int last = runEnds_[i];
        const qreal x0 = bar.left() + bar.width() * first / kSlots;
        const qreal x1 = bar.left() + bar.width() * (last + 1) / kSlots;
        const QRectF run(x0, bar.top(), x1 - x0, bar.height());
        const QColor fill = theme_.categorical[i % theme_.categorical.size()];
        p.setBrush(fill);
        const bool picked = static_cast<int>(i) == picked_, right = static_cast<int>(i) == right_;
        // Once checked, a wrong pick is outlined in the theme's "wrong" colour and dashed (the
        // accent read as a blue "yours" beside the green answer in the dark theme).
        const bool wrongPick = picked && !right && right_ >= 0;
        const QColor tone = right       ? theme_.readableOn(theme_.good, theme_.background)
                            : wrongPick ? theme_.readableOn(theme_.bad, theme_.background)
                            : picked    ? theme_.accent
                                        : theme_.line;
        QPen pen(tone, (picked || right) ? theme_.lineWidth * 3 : theme_.lineWidth);
        if (wrongPick) {
            pen.setStyle(Qt::DashLine);
        }
        if (picked || right) {
            // On a ring of the page's colour: the teal outline on the dark-blue run of master 0
            // could hardly be seen (a tester). The mark stands on the page's colour as it does
            // under the slots.
            p.setPen(QPen(theme_.background, theme_.lineWidth * 6));
            p.drawRect(run);
        }
        p.setPen(pen);
        p.drawRect(run);
        if (right_ >= 0 && (right || wrongPick)) {
            paintAnswerMark(p, x0, x1, tone,
                            right ? tr("\u2713 right answer") : tr("\u2718 your answer"));
        }
        p.setPen(theme_.readableOn(theme_.text, fill));
        p.drawText(run, Qt::AlignCenter, QString::number(static_cast<int>(i)));
        first = last + 1;
    }
    p.setPen(theme_.mutedText);
    for (const SlotLabel& label : slotNumbers(bar, runEnds_, QFontMetricsF(font()))) {
        p.drawText(label.rect, Qt::AlignLeft | Qt::AlignVCenter, label.text);
    }
    QString caption = printed_
                          ? tr("The masters along the slots")
                          : tr("The masters along the slots (click the one that owns the key)");
    if (right_ >= 0) {
        caption = picked_ == right_ || picked_ < 0
                      ? tr("The engine's answer: master %1 (outlined)").arg(right_)
                      : tr("Yours: master %1; the engine's: master %2 (both outlined)")
                            .arg(picked_)
                            .arg(right_);
    }
    p.drawText(QRectF(bar.left(), 0, bar.width(), bar.top()), Qt::AlignLeft | Qt::AlignVCenter,
               caption);
}

// Under the slot numbers: a bar as wide as the master's run, and under it the words, in the
// mark's colour on the page's (the outline alone, teal on dark blue, was not seen).
void PracticeFigure::paintAnswerMark(QPainter& p, qreal x0, qreal x1, const QColor& tone,
                                     const QString& text) {
    const QRectF bar = slotBar();
    const qreal line = fontMetrics().height();
    const qreal top = bar.bottom() + line * 1.15;
    p.fillRect(QRectF(x0, top, x1 - x0, line * 0.25), tone);
    QFont bold = p.font();
    bold.setBold(true);
    p.save();
    p.setFont(bold);
    const qreal textWidth = QFontMetricsF(bold).horizontalAdvance(text) + line * 0.5;
    const qreal left = std::clamp((x0 + x1 - textWidth) / 2, 0.0, width() - textWidth);
    const QRectF box(left, top + line * 0.3, textWidth, line * 1.1);
    p.setPen(tone);
    p.drawText(box, Qt::AlignCenter, text);
    p.restore();
    answerMarks_.push_back({box, tone, text});
}

} // namespace fg
