// PresentationWindow (presentation.h): its keys, as a presentation program's and a clicker's:
// which are the slides' own and what each does, on the slide and on the presenter's screen.
#include "app/presentation/presentation.h"
#include "app/presentation/presentation_parts.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/diagram_view.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTimer>

namespace fg {

bool PresentationWindow::isSlideKey(int key) {
    switch (key) {
    case Qt::Key_F1:
    case Qt::Key_PageDown:
    case Qt::Key_PageUp:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Minus:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_B:
    case Qt::Key_Period:
    case Qt::Key_L:
    case Qt::Key_Z:
    case Qt::Key_T:
    case Qt::Key_C:
    case Qt::Key_P:
    case Qt::Key_Escape:
        return true;
    default:
        return false;
    }
}

bool PresentationWindow::handleKey(int key) {
    switch (key) {
    case Qt::Key_PageDown: // what a clicker sends: a whole screen, never a diagram's step
        nextScreen();
        return true;
    case Qt::Key_PageUp:
        previousScreen();
        return true;
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        back();
        return true;
    // On a diagram's slide, as Right and Left: its first (last) step, then the first (last) slide.
    case Qt::Key_Home:
        if (Player* player = slideDiagramPlayer(); player && !player->atStart()) {
            player->toStart();
        } else {
            goTo(0);
        }
        return true;
    case Qt::Key_End:
        if (Player* player = slideDiagramPlayer(); player && !player->atEnd()) {
            player->toEnd();
        } else {
            goTo(slideCount() - 1);
        }
        return true;
    // - / +: a diagram's speed, as on its page (the F1 sheet says so); kept slide to slide.
    case Qt::Key_Minus:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (Player* player = slideDiagramPlayer()) {
            if (key == Qt::Key_Minus) {
                player->slower();
            } else {
                player->faster();
            }
            speed_ = player->speed();
        }
        return true;
    case Qt::Key_B:
    case Qt::Key_Period:
        setBlank(!blank_);
        return true;
    case Qt::Key_L:
        spotlight_ = !spotlight_;
        tick_->setInterval(spotlight_ ? 16 : 250); // follow the pointer at 60 fps
        overlay_->update();
        return true;
    case Qt::Key_Z:
        zoomed_ = !zoomed_;
        if (zoomed_) {
            overlay_->hide();
            zoomShot_ = grab();
            overlay_->show();
            zoomAt_ = mapFromGlobal(QCursor::pos());
            if (!rect().contains(zoomAt_)) {
                zoomAt_ = rect().center();
            }
        }
        overlay_->update();
        return true;
    case Qt::Key_T:
        timerShown_ = !timerShown_;
        overlay_->update();
        return true;
    // P plays or pauses a diagram's steps on its slide (Space goes forward, as in Keynote; a
    // teacher wanting it to play by itself pressed Space and got one step).
    case Qt::Key_P:
        if (Player* player = slideDiagramPlayer()) {
            player->togglePlay();
        }
        return true;
    case Qt::Key_C: // a diagram's chart, hidden on a slide when it left the drawing too little room
        return diagram_ && diagram_->toggleChartOnSlide();
    case Qt::Key_F1: // it did nothing until the slides were left
        emit helpRequested();
        return true;
    case Qt::Key_Escape:
        if (zoomed_ || spotlight_ || blank_) {
            zoomed_ = spotlight_ = false; // first Esc clears the effects
            setBlank(false);
        } else {
            close();
        }
        return true;
    default:
        return false;
    }
}

void PresentationWindow::keyPressEvent(QKeyEvent* event) {
    // Ctrl++ / Ctrl+- / Ctrl+0 zoom a diagram's slide, as they zoom its page: they came here as
    // + and -, and changed its speed (tester 45).
    if (event->modifiers() & Qt::ControlModifier) {
        const int key = event->key();
        const int direction = key == Qt::Key_Plus || key == Qt::Key_Equal ? 1
                              : key == Qt::Key_Minus                      ? -1
                              : key == Qt::Key_0                          ? 0
                                                                          : 2;
        if (direction != 2) {
            if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
                diagram_->panel()->canvas()->zoomStep(direction);
            }
            return;
        }
    }
    if (!handleKey(event->key())) {
        QWidget::keyPressEvent(event);
    }
}

bool PresentationWindow::eventFilter(QObject* watched, QEvent* event) {
    // Slide keys win over the diagram's own controls, except while typing in a text box: also
    // when the focus is in the diagram (a click on it), where its playback shortcuts (Right,
    // Left, Space, Home, End) would take the key first; their ShortcutOverride is accepted here,
    // so the key comes as a key press.
    if ((event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) &&
        (isActiveWindow() || (presenter_ && presenter_->isActiveWindow()))) {
        QWidget* focus = QApplication::focusWidget();
        const bool typing =
            qobject_cast<QLineEdit*>(focus) || qobject_cast<QAbstractSpinBox*>(focus);
        auto* key = static_cast<QKeyEvent*>(event);
        if ((!typing || key->key() == Qt::Key_Escape) && key->modifiers() == Qt::NoModifier) {
            if (event->type() == QEvent::ShortcutOverride) {
                if (isSlideKey(key->key())) {
                    event->accept();
                    return true;
                }
            } else if (handleKey(key->key())) {
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fg
