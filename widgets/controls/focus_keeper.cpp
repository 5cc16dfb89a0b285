#include "widgets/controls/focus_keeper.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QWidget>

namespace fg {

namespace {

// Watches the widget switched off while it had the focus, until it is on again.
class Keeper : public QObject {
public:
    using QObject::QObject;

    void lost(QWidget* off, QWidget* to) {
        if (off_) {
            off_->removeEventFilter(this);
        }
        off_ = off;
        to_ = to;
        off->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == off_ && event->type() == QEvent::EnabledChange && off_->isEnabled()) {
            off_->removeEventFilter(this);
            // Back only when the focus is still where Qt put it, in the same window.
            if (QApplication::focusWidget() == to_ && to_ && off_->isVisible() &&
                off_->window() == to_->window()) {
                off_->setFocus(Qt::OtherFocusReason);
            }
            off_ = nullptr;
            to_ = nullptr;
        }
        return false;
    }

private:
    QPointer<QWidget> off_;
    QPointer<QWidget> to_;
};

} // namespace

void FocusKeeper::install() {
    static const bool installed = [] {
        auto* keeper = new Keeper(qApp);
        QObject::connect(qApp, &QApplication::focusChanged, keeper,
                         [keeper](QWidget* before, QWidget* now) {
                             if (before && now && !before->isEnabled() &&
                                 (before->focusPolicy() & Qt::TabFocus)) {
                                 keeper->lost(before, now);
                             }
                         });
        return true;
    }();
    (void)installed;
}

} // namespace fg
