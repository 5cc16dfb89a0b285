// Scenario explorer: the course's scenarios and its polyglot-persistence example as architecture
// diagrams (content/tools/architectures.json). Each is a live diagram whose steps are the data
// flows of one request (a checkout, a post fanned out, a sensor reading...): the request leaves
// its component and travels to the next, narrated. Clicking a component says why it was chosen
// and links to its chapter.
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/canvas/page.h"

#include <QWidget>
#include <vector>

class QLabel;
class QListWidget;

namespace fg {

struct ArchComponent {
    QString id, label, role, why, chapter, section;
    int row = 0, col = 0;
};

struct ArchFlow {
    QString from, to, text;
};

struct Architecture {
    QString id, title;
    std::vector<ArchComponent> components;
    std::vector<ArchFlow> flows;
    const ArchComponent* component(const QString& id) const;
};

// Reads and checks the file (components named by flows exist, chapters and sections exist).
std::vector<Architecture> loadArchitectures(const QString& path, const Course& course,
                                            std::vector<ContentError>& errors);

class ArchitectureSource : public DiagramSource {
public:
    explicit ArchitectureSource(Architecture arch) : arch_(std::move(arch)) {}
    int stepCount() const override { return static_cast<int>(arch_.flows.size()); }
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;
    const Architecture& architecture() const { return arch_; }
    // The component clicked last (its box drawn with a heavy outline in the text's colour, apart
    // from the accent of the flow on screen); empty: none.
    void setSelected(const QString& id) { selected_ = id; }

private:
    Architecture arch_;
    QString selected_;
};

class ArchitectureView : public QWidget, public Page {
    Q_OBJECT
public:
    ArchitectureView(std::vector<Architecture> archs, QWidget* parent = nullptr);
    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    void showArchitecture(int index);
    // What a click on component `id` shows (why it was chosen, and a link to its chapter).
    void selectComponent(const QString& id);
    QString explanation() const;
    DiagramPanel* panel() { return panel_; }
    int count() const { return static_cast<int>(archs_.size()); }

    QListWidget* list() const { return list_; }

signals:
    void chapterLinkActivated(const QString& chapter, const QString& section);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitListToFont();

    std::vector<Architecture> archs_;
    int current_ = -1;
    ArchitectureSource* source_ = nullptr; // the one on screen (the panel owns it)
    QListWidget* list_;
    DiagramPanel* panel_;
    QLabel* why_;
};

} // namespace fg
