#include "app/notice_bar.h"

#include <QCoreApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVariant>

namespace fg {

namespace {

// The words of this file go to translators under fg::NoticeBar (tr() and lupdate agree).
struct NoticeBarWords {
    Q_DECLARE_TR_FUNCTIONS(fg::NoticeBar)
};

constexpr const char* kIconProperty = "fgNoticeIcon";

} // namespace

QWidget* makeNoticeBar(QWidget* parent, const QString& name, NoticeKind kind) {
    auto* bar = new QFrame(parent);
    bar->setObjectName(name);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    if (kind == NoticeKind::Warning) {
        QPalette pal = bar->palette();
        pal.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce)); // a pale amber, dark text on it
        pal.setColor(QPalette::WindowText, QColor(0x33, 0x2b, 0x00));
        bar->setPalette(pal);
    } else {
        bar->setBackgroundRole(QPalette::AlternateBase); // the theme's, with its text colour
    }
    bar->setProperty(kIconProperty, kind == NoticeKind::Warning
                                        ? int(QStyle::SP_MessageBoxWarning)
                                        : int(QStyle::SP_MessageBoxInformation));
    auto* row = new QHBoxLayout(bar);
    auto* icon = new QLabel(bar); // its picture when first shown (showNotice)
    icon->setObjectName(QStringLiteral("icon"));
    row->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QLabel(bar);
    text->setObjectName(QStringLiteral("text"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(text, 1);
    auto* action = new QPushButton(bar);
    action->setObjectName(QStringLiteral("action"));
    action->hide();
    row->addWidget(action, 0, Qt::AlignTop);
    auto* close = new QPushButton(NoticeBarWords::tr("Close"), bar);
    close->setObjectName(QStringLiteral("close"));
    QObject::connect(close, &QPushButton::clicked, bar, &QWidget::hide);
    row->addWidget(close, 0, Qt::AlignTop);
    bar->hide();
    return bar;
}

void showNotice(QWidget* bar, const QString& text) {
    // The bar's icon when it is first shown: the style's icons are read from image files,
    // and the first read loads every image format plugin (about 5 ms of the start, where both
    // bars are hidden).
    if (auto* icon = bar->findChild<QLabel*>(QStringLiteral("icon")); icon->pixmap().isNull()) {
        const int px = bar->style()->pixelMetric(QStyle::PM_SmallIconSize);
        const auto which = QStyle::StandardPixmap(bar->property(kIconProperty).toInt());
        icon->setPixmap(bar->style()->standardIcon(which).pixmap(px, px));
    }
    bar->findChild<QLabel*>(QStringLiteral("text"))->setText(text);
    bar->setAccessibleDescription(text);
    bar->show();
}

} // namespace fg
