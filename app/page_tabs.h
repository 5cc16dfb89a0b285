// PageTabs: the window's tabs (the reader, the live diagrams, the tools). With many pages open
// their names are elided first, so that the bar keeps every tab in view, then the bar scrolls;
// each name keeps its first eight characters or so before it scrolls ("Redis Cl...", never
// "R..."): a tab is found by what it says, its tooltip has the whole title.
#pragma once

#include <QTabWidget>

namespace fg {

class PageTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit PageTabs(QWidget* parent = nullptr);
};

} // namespace fg
