// PracticeView (practice_view.h): the choices kept with the tab to the next start.
#include "widgets/practice/practice_view.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <nlohmann/json.hpp>

namespace fg {

nlohmann::json PracticeView::keptSettings() const {
    nlohmann::json kept = {{"topic", topic_->currentData().toString().toStdString()},
                           {"level", level_->currentIndex()},
                           {"questions", count_->value()},
                           {"time", limit_->currentIndex()}};
    if (!seedEdit_->text().isEmpty()) {
        kept["seed"] = seedEdit_->text().toULongLong();
    }
    return kept;
}

void PracticeView::restoreSettings(const nlohmann::json& kept) {
    if (!kept.is_object()) {
        return;
    }
    if (const auto topic = kept.find("topic"); topic != kept.end() && topic->is_string()) {
        if (const int i = topic_->findData(QString::fromStdString(topic->get<std::string>()));
            i >= 0) {
            topic_->setCurrentIndex(i);
        }
    }
    restoreIndex(kept, "level", level_);
    restoreValue(kept, "questions", count_);
    restoreIndex(kept, "time", limit_);
    if (const auto seed = kept.find("seed"); seed != kept.end()) {
        if (const auto v = keptWhole(*seed, 0, kMostSeed)) {
            seedEdit_->setText(QString::number(*v));
        }
    }
}

} // namespace fg
