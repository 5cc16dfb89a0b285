// The Practice page for its tests (test_practice_view, test_practice_keys): shown, in a theme,
// with a progress store in a temporary folder, at day 1000.
#pragma once

#include "models/study/progress_store.h"
#include "models/theme/theme.h"
#include "widgets/practice/practice_view.h"

#include <QTemporaryDir>
#include <string>

namespace practice_test {

struct Page {
    QTemporaryDir dir;
    fg::ProgressStore store{dir.filePath("progress.json")};
    fg::PracticeView view;
    explicit Page(const fg::Theme& theme = fg::Theme::light()) {
        view.setTheme(theme);
        view.setStore(&store);
        view.setToday(1000);
        view.resize(1400, 1000);
        view.show();
    }
    // Goes on until the question is of `type` (the session's types come in a seeded turn).
    bool reach(const std::string& type) {
        for (int i = 0; i < view.questionCount(); ++i) {
            if (view.current() && view.current()->type == type) {
                return true;
            }
            view.check();
            view.next();
        }
        return false;
    }
};

} // namespace practice_test
