#include "widgets/controls/roomy_button.h"

#include <QFontMetrics>
#include <algorithm>

namespace fg {

QSize RoomyButton::sizeHint() const {
    QSize size = QPushButton::sizeHint();
    const QFontMetrics fm = fontMetrics();
    const int words = fm.horizontalAdvance(QString(text()).remove(QLatin1Char('&')));
    size.setWidth(std::max(size.width(), words + 2 * fm.height()));
    return size;
}

} // namespace fg
