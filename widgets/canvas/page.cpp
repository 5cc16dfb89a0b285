#include "widgets/canvas/page.h"

#include <QWidget>

namespace fg {

Page* pageOf(QWidget* widget) {
    return dynamic_cast<Page*>(widget);
}

} // namespace fg
