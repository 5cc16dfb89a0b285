// The reader's search: the hits of a query marked in the text and in the figures' labels, F3 and
// Shift+F3 from hit to hit in reading order (ReaderView, reader_view.h).
#include "app/reader/image_fragments.h"
#include "app/reader/reader_view.h"
#include "widgets/figure/figure_renderer.h"
#include "widgets/figure/figure_scene.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace fg {

int ReaderView::highlight(const QString& query, const QString& sectionId) {
    const bool hadFigureHits = !figureHits_.isEmpty();
    hits_.clear();
    allHits_.clear();
    figureHits_.clear();
    currentHit_ = -1;
    query_ = query;
    if (!query.isEmpty() && course_ && chapter_ >= 0) {
        QTextCharFormat fmt;
        fmt.setBackground(theme_.highlight);
        fmt.setForeground(textOn(theme_.highlight));
        for (QTextCursor c = document()->find(query); !c.isNull(); c = document()->find(query, c)) {
            allHits_.push_back({c.selectionStart(), QString(), static_cast<int>(hits_.size())});
            hits_.append({c, fmt});
        }
        // The figures' labels: the search panel counts them, so F3 goes to them too.
        QHash<QString, int> counts;
        for (const nlohmann::json* b : figureBlocks()) {
            const FigureRenderer r(*b, theme_, std::max<qreal>(renderedWidth_, 320),
                                   figureBodyPx());
            if (const int n = highlightCount(r.scene(), query); n > 0) {
                counts.insert(QString::fromStdString(b->value("id", std::string())), n);
            }
        }
        const QLatin1String figure("figure:");
        forEachImage(document(), figure, [&](const QString& name, const QTextFragment& f) {
            const QString id = name.mid(figure.size());
            if (counts.contains(id)) {
                for (int k = 0; k < counts.value(id); ++k) {
                    allHits_.push_back({f.position(), id, k});
                }
                figureHits_.insert(id, counts.value(id));
            }
        });
        std::stable_sort(allHits_.begin(), allHits_.end(),
                         [](const Hit& a, const Hit& b) { return a.position < b.position; });
    }
    showSelections();
    if (allHits_.empty()) {
        if (hadFigureHits) { // take the old marks off the figures
            renderedWidth_ = 0;
            renderFigures();
        }
        scrollToSection(sectionId);
        return 0;
    }
    const int start = sectionPos_.value(sectionId, 0);
    int first = 0;
    for (int i = 0; i < hitCount(); ++i) {
        if (allHits_[static_cast<std::size_t>(i)].position >= start) {
            first = i;
            break;
        }
    }
    renderedWidth_ = 0; // every figure again: marks on, or off
    renderFigures();
    goToHit(first);
    return hitCount();
}

bool ReaderView::nextHit(bool backward) {
    wrapped_ = false;
    if (allHits_.empty()) {
        return false;
    }
    const int n = hitCount();
    const int next = currentHit_ + (backward ? -1 : 1);
    wrapped_ = next < 0 || next >= n;
    goToHit((next % n + n) % n);
    return true;
}

void ReaderView::showHit(int index) {
    if (index >= 0 && index < hitCount()) {
        wrapped_ = false;
        goToHit(index);
    }
}

void ReaderView::clearHighlights() {
    const bool hadFigureHits = !figureHits_.isEmpty();
    hits_.clear();
    allHits_.clear();
    figureHits_.clear();
    query_.clear();
    currentHit_ = -1;
    wrapped_ = false;
    setExtraSelections({});
    QTextCursor c = textCursor();
    c.clearSelection(); // the current hit was selected
    setTextCursor(c);
    if (hadFigureHits) { // take the marks off the figures
        renderedWidth_ = 0;
        renderFigures();
    }
}

QString ReaderView::hitSection() const {
    return currentHit_ < 0 || currentHit_ >= hitCount()
               ? QString()
               : sectionAt(allHits_[static_cast<std::size_t>(currentHit_)].position);
}

void ReaderView::goToHit(int index) {
    const int previous = currentHit_;
    currentHit_ = index;
    const Hit& h = allHits_[static_cast<std::size_t>(index)];
    // Re-mark the figures the current hit leaves and enters.
    const QString left =
        previous >= 0 && previous < hitCount() ? allHits_[std::size_t(previous)].figure : QString();
    if (!left.isEmpty() || !h.figure.isEmpty()) {
        const Chapter& ch = course_->chapters[static_cast<std::size_t>(chapter_)];
        for (const auto& s : ch.sections) {
            for (const auto& b : s.blocks) {
                const QString id = QString::fromStdString(b.value("id", std::string()));
                if (b.value("type", std::string()) == "figure" && !id.isEmpty() &&
                    (id == left || id == h.figure)) {
                    renderFigure(b, renderedWidth_);
                }
            }
        }
        viewport()->update();
    }
    showSelections(); // the current hit's mark moves with it
    if (h.figure.isEmpty()) {
        setTextCursor(hits_[h.index].cursor);
    } else {
        QTextCursor c(document());
        c.setPosition(h.position);
        setTextCursor(c);
    }
    scrolling_ = true;
    ensureCursorVisible();
    // Well in view, not on the view's last line (a hit in the Interview quote: tester 40).
    scrollLinkIntoView();
    scrolling_ = false;
    // The hit's section is the one read (the list showed the one whose heading was above the
    // view's upper quarter, the section before), and the hit stays in view when the view's
    // width changes (Esc closing the search).
    anchor_ = h.position;
    anchorY_ = cursorRect(textCursor()).top();
    const QString section = sectionAt(h.position);
    // Also in a run of resizes begun before (the search panel's list narrowed the reader as F3
    // reached the last section: the view went back to the section the run began in).
    resizeKeep_ = section;
    if (section != lastSection_) {
        lastSection_ = section;
        emit sectionChanged(section);
    }
    emit hitChanged(section);
}

} // namespace fg
