// ReaderView: shows one chapter of the course: its text as rich text, its figures drawn by
// FigureRenderer at the view's width and zoom (sharp at the screen's device pixel ratio), its
// live-diagram cards. It knows where each section starts, follows the scroll to tell which
// section is on screen, and highlights search hits. It is the first tab's page (Reader); it exports
// nothing (File > Export chapter as handout PDF does).
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/canvas/page.h"

#include <QHash>
#include <QTextBrowser>
#include <QTimer>

namespace fg {

class ReaderView : public QTextBrowser, public Page {
    Q_OBJECT
public:
    explicit ReaderView(QWidget* parent = nullptr);

    void setCourse(const Course* course);
    // Shows chapter `index` and scrolls to `sectionId` (its top when empty).
    void showChapter(int index, const QString& sectionId = {});
    int chapterIndex() const { return chapter_; }
    QString currentSection() const;
    void scrollToSection(const QString& sectionId);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // Zoom steps: 0 is the default body size; each step is 10% larger or smaller.
    void setZoom(int step);
    int zoom() const { return zoom_; }
    qreal bodyPx() const;

    // Highlights every occurrence of `query` (case-insensitive) and scrolls to the first one in
    // `sectionId` (or the first anywhere). Returns the number of hits in the chapter's text.
    int highlight(const QString& query, const QString& sectionId = {});
    // Moves to the next (or previous) highlighted hit; false when there is none.
    bool nextHit(bool backward = false);
    int hitCount() const { return static_cast<int>(hits_.size()); }

signals:
    void sectionChanged(const QString& sectionId);
    void chapterLinkActivated(const QString& chapterId, const QString& sectionId);
    void diagramRequested(const QString& diagramId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();
    void rerenderKeepingPlace();
    QString sectionAtScroll() const;    // the section a quarter down the view
    QString sectionAtScrollTop() const; // the first section
    void updateMargins();
    void renderFigures();
    void onAnchor(const QUrl& url);

    const Course* course_ = nullptr;
    int chapter_ = -1;
    Theme theme_ = Theme::light();
    int zoom_ = 0;
    qreal renderedWidth_ = 0;
    QHash<QString, int> sectionPos_; // section id -> document position of its heading
    QList<QTextEdit::ExtraSelection> hits_;
    int currentHit_ = -1;
    QString lastSection_;
    bool scrolling_ = false;
    QTimer resizeTimer_;
};

} // namespace fg
