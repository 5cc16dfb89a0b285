#include "widgets/canvas/page.h"

#include <QWidget>
#include <nlohmann/json.hpp>

namespace fg {

nlohmann::json Page::keptSettings() const {
    return nullptr;
}

void Page::restoreSettings(const nlohmann::json& kept) {
    (void)kept;
}

Page* pageOf(QWidget* widget) {
    return dynamic_cast<Page*>(widget);
}

} // namespace fg
