// MainWindow (main_window.h): F5 and Shift+F5, presentation mode: the chapter's slides, the
// live diagram of the tab, or (PagePresenter) a page without slides given the whole screen.
#include "app/main_window.h"
#include "app/page_presenter.h"
#include "app/page_tabs.h"
#include "app/presentation/presentation.h"
#include "app/reader/reader_view.h"
#include "widgets/diagrams/diagram_view.h"

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <nlohmann/json.hpp>

namespace fg {

void MainWindow::startPresentation(bool fromSection) {
    if (presentation_) {
        presentation_->activateWindow();
        return;
    }
    if (pagePresenter_->active()) { // F5 again: back to the window as it was
        pagePresenter_->stop();
        return;
    }
    // What is on screen: the live diagram of the tab (its scenario, at its step), or the chapter
    // being read, from the section on screen.
    QWidget* tab = tabs_->currentWidget();
    const QString diagramId = tab ? tab->property("diagramId").toString() : QString();
    if (!diagramId.isEmpty()) {
        if (auto* view = qobject_cast<DiagramView*>(tab)) {
            presentation_ = new PresentationWindow(view, diagramId, theme_, this);
        } else {
            presentation_ = new PresentationWindow(diagramId, nlohmann::json(), -2, theme_, this);
        }
    } else if (tab != reader_) {
        // A page without slides (a Lab page, a study tool): the whole screen, still live.
        pagePresenter_->start();
        return;
    } else {
        const Chapter* ch = currentChapter();
        if (!ch || !ch->loaded()) {
            return;
        }
        // The first slide (the chapter's title), or the slide of the section being read.
        const auto slides = slidesOf(*ch);
        int start = 0;
        for (int i = 0; fromSection && i < static_cast<int>(slides.size()); ++i) {
            const Slide& s = slides[std::size_t(i)];
            if (s.kind == Slide::Kind::Section && s.section >= 0 &&
                ch->sections[std::size_t(s.section)].id == reader_->currentSection()) {
                start = i;
                break;
            }
        }
        presentation_ = new PresentationWindow(*ch, theme_, start, this);
        presentation_->setLeastBodyPx(reader_->bodyPx());
        // Leaving, the reader is where the presentation was (as Keynote and PowerPoint leave
        // the document at the slide shown): the section of the slide on screen, the chapter's
        // top for its title slide. It stayed where F5 was pressed.
        const int chapter = reader_->chapterIndex();
        PresentationWindow* shown = presentation_;
        connect(presentation_, &PresentationWindow::closed, this, [this, chapter, shown] {
            const Slide& s = shown->slide(shown->currentSlide());
            const Chapter& c = course_.chapters[std::size_t(chapter)];
            showSection(chapter, s.section >= 0 && s.section < int(c.sections.size())
                                     ? c.sections[std::size_t(s.section)].id
                                     : QString());
        });
    }
    // Leaving gives the keyboard back to this window, where it was (Ctrl+F and the other keys
    // work at once, without a click).
    const QPointer<QWidget> focus = QApplication::focusWidget();
    connect(presentation_, &PresentationWindow::closed, this,
            [this, focus] { QTimer::singleShot(0, this, [this, focus] { afterDialog(focus); }); });
    connect(presentation_, &PresentationWindow::helpRequested, this,
            [this] { showKeyboardHelp(presentation_); });
    // Until the slides' window is active, a key would still go to this window's focus (a
    // diagram's drawing, whose shortcuts take Right and Space): nothing here holds it meanwhile.
    if (focus && isAncestorOf(focus)) {
        focus->clearFocus();
    }
    presentation_->start();
}

} // namespace fg
