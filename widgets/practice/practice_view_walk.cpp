// PracticeView's walkthrough on the exercise's picture (Show me where no live diagram replays
// the exercise): each step's marks and the answer as far as the steps have settled it; and the
// page's keys (Left/Right step the walkthrough, Enter, the number keys).
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/practice_figure.h"
#include "widgets/practice/practice_view.h"
#include "widgets/practice/walk_player.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMap>
#include <nlohmann/json.hpp>

namespace fg {

using json = nlohmann::json;

// A walkthrough's step on the picture: what it looks at shaded, and the answer as far as the
// steps have settled it (the partitions dealt so far, the tables read so far).
void PracticeView::showWalkStep(int index) {
    const auto& steps = walk_->steps();
    if (index < 0 || index >= static_cast<int>(steps.size())) {
        return;
    }
    const auto& step = steps[static_cast<std::size_t>(index)];
    QStringList marks;
    for (const auto& m : step.marks) {
        marks << QString::fromStdString(m);
    }
    figure_->setMarks(marks);
    const json settled = practice::settledAnswer(
        std::vector<practice::WalkStep>(steps.begin(), steps.begin() + index + 1));
    if (settled.contains("assignment") && settled["assignment"].is_object()) {
        QMap<QString, QString> placed;
        for (const auto& [member, words] : settled["assignment"].items()) {
            for (const auto& w : words) {
                placed.insert(QString::fromStdString(w.get<std::string>()),
                              QString::fromStdString(member));
            }
        }
        figure_->setAssignment(placed);
    }
    if (settled.contains("reads") && settled["reads"].is_array()) {
        QStringList reads;
        for (const auto& r : settled["reads"]) {
            reads << QString::fromStdString(r.get<std::string>());
        }
        figure_->setPickedWords(reads);
    }
}

void PracticeView::keyPressEvent(QKeyEvent* event) {
    const int k = event->key();
    if (walk_->takeKey(k)) { // Left / Right step a walkthrough on screen
        return;
    }
    if (k == Qt::Key_Return || k == Qt::Key_Enter) {
        // In the choices above (topic, level, seed...) Enter starts; below, it checks or goes on.
        if (setup_->isAncestorOf(QApplication::focusWidget())) {
            startAsked();
        } else {
            activate();
        }
        return;
    }
    if (k >= Qt::Key_1 && k <= Qt::Key_9 && current() && !checked_ &&
        inputs_->pickChoiceByKey(k - Qt::Key_1)) {
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace fg
