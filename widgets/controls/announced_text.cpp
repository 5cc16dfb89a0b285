#include "widgets/controls/announced_text.h"

#include "widgets/controls/accessible_factory.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QLabel>
#include <QTextDocument>
#include <QTextDocumentFragment>

namespace fg {

namespace {

const char* const kAnnouncementName = "fg-announcement";

// The notification widget: a class of its own so that the accessibility factory knows it.
class Announcement : public QWidget {
public:
    explicit Announcement(QWidget* window) : QWidget(window) {
        setObjectName(QLatin1String(kAnnouncementName));
        setFocusPolicy(Qt::NoFocus);
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setGeometry(0, 0, 0, 0);
    }
};

class AnnouncementAccessible : public QAccessibleWidget {
public:
    explicit AnnouncementAccessible(Announcement* notice)
        : QAccessibleWidget(notice, QAccessible::Notification) {}
};

QAccessibleInterface* announcementFactory(const QString& className, QObject* object) {
    (void)className;
    auto* notice = dynamic_cast<Announcement*>(object);
    return notice ? new AnnouncementAccessible(notice) : nullptr;
}

QWidget* madeAnnouncement(QWidget* window) {
    if (QWidget* made = announcementOf(window)) {
        return made;
    }
    auto* made = new Announcement(window);
    answerWith<AnnouncementAccessible>(announcementFactory, made);
    return made;
}

} // namespace

QWidget* announcementOf(QWidget* window) {
    return window ? window->findChild<QWidget*>(QLatin1String(kAnnouncementName),
                                                Qt::FindDirectChildrenOnly)
                  : nullptr;
}

namespace {

bool& withoutReader() {
    static bool on = false;
    return on;
}

} // namespace

bool announcing() {
    return QAccessible::isActive() || withoutReader();
}

void setAnnouncingWithoutReader(bool on) {
    withoutReader() = on;
}

void announce(QWidget* from, const QString& text) {
    if (!announcing()) {
        return;
    }
    QWidget* window = from ? from->window() : nullptr;
    if (!window || !window->isVisible() || text.trimmed().isEmpty()) {
        return;
    }
    QWidget* notice = madeAnnouncement(window);
    notice->hide();
    notice->setAccessibleName(text);
    notice->show(); // Orca speaks a notification that shows
}

void announceOn(QLabel* label, const QString& text) {
    Q_ASSERT(label->accessibleName().isEmpty());
    if (label->text() != text) {
        label->setText(text); // QLabel sends NameChanged itself
    } else {                  // the same verdict again ("Right." twice) is news too
        QAccessibleEvent changed(label, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
    }
    if (announcing()) {
        announce(label, Qt::mightBeRichText(text)
                            ? QTextDocumentFragment::fromHtml(text).toPlainText()
                            : text);
    }
}

} // namespace fg
