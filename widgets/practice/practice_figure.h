// PracticeFigure: the picture of what a practice exercise starts from, drawn in the page's
// theme: the B-Tree before the operation, the cluster's masters along the 16,384 slots (a click
// on a master's run picks it as the answer), or the points of a series over its bucket edges.
// Hidden for an exercise without a picture.
#pragma once

#include "engines/practice/practice.h"
#include "models/theme/theme.h"

#include <QFontMetricsF>
#include <QMap>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace fg {

// Where `value` was last painted, from a picture's (rectangle, value) hits; empty when it was not.
template <typename T>
QRectF hitRect(const std::vector<std::pair<QRectF, T>>& hits, const T& value) {
    for (const auto& [rect, v] : hits) {
        if (v == value) {
            return rect;
        }
    }
    return {};
}

class PracticeFigure : public QWidget {
    Q_OBJECT
public:
    explicit PracticeFigure(QWidget* parent = nullptr);

    void setTheme(const Theme& theme);
    // On paper (a worksheet): no invitation to click.
    void setPrinted(bool printed) { printed_ = printed; }
    // Shows the picture of `e` (hides the figure when it has none).
    void setExercise(const practice::Exercise& e);
    // The tree the B-Tree exercise starts from ({"keys", "children"}), null otherwise.
    const nlohmann::json& treeBefore() const { return tree_; }
    // Marks master `index` as picked (-1: none), and, once checked, the engine's one.
    void setPicked(int index);
    void setRight(int index);
    // Once checked, under the slots: where "✓ right answer" (and a wrong pick's "✘ your answer")
    // was last painted, in the colour given (empty: not drawn).
    struct AnswerMark {
        QRectF box;
        QColor colour;
        QString text;
    };
    const std::vector<AnswerMark>& answerMarks() const { return answerMarks_; }
    // Once checked: draws the engine's tree after the operation, with the nodes that differ from
    // `yours` (null when the student's could not be read) outlined.
    void showTreeAfter(const nlohmann::json& engine, const nlohmann::json& yours);

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

    // Where the key `key` or the table `id` ("#16") was last painted (empty: not drawn).
    QRectF keyCell(qint64 key) const;
    QRectF tableBox(const QString& id) const;
    // The partitions given a member so far (a group's exercise), drawn in the member's column.
    void setAssignment(const QMap<QString, QString>& wordToMember);
    // Where the partition `word` is drawn, and the column of `member` (empty: the pool).
    QRectF chipBox(const QString& word) const;
    QRectF memberBox(const QString& member) const;
    // The tables picked so far (a get-reads exercise), outlined.
    void setPickedWords(const QStringList& words);
    // What a walkthrough's step looks at, shaded in the theme's "being looked at" colour: a
    // table ("#7", "memtable"), a bucket ("bucket:<start_ms>"), a point ("point:<i>"), a
    // partition or a member.
    void setMarks(const QStringList& marks);
    const QStringList& marks() const { return marks_; }
    const QStringList& pickedWords() const { return pickedWords_; }
    const QMap<QString, QString>& assignment() const { return assignment_; }

    // The slot numbers under the slots picture's bar: where each master's run starts, and 16383
    // at the end, each where it does not run into another (with 12 masters "15019" and "16383"
    // were drawn over each other: a tester). `runEnds`: the last slot of each run.
    struct SlotLabel {
        QRectF rect;
        QString text;
    };
    static std::vector<SlotLabel> slotNumbers(const QRectF& bar, const std::vector<int>& runEnds,
                                              const QFontMetricsF& metrics);

signals:
    void choiceClicked(int index);
    // A key of the B-Tree clicked (for the keys that move up), a table clicked ("#16").
    void keyClicked(qint64 key);
    void wordClicked(const QString& word);
    // A partition dragged onto a member's column (an empty member: back to nobody).
    void wordAssigned(const QString& word, const QString& member);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    enum class Kind { None, Tree, Slots, Series, Tables, Members };
    void paintTree(QPainter& p);
    void paintSlots(QPainter& p);
    void paintSeries(QPainter& p);
    void paintBucketEdges(QPainter& p, const QRectF& plot, double tMin, double tMax,
                          const std::function<qreal(double)>& x);
    void paintTables(QPainter& p);
    void paintMembers(QPainter& p);
    // A group's pool of partitions not given yet: chips in rows that fit `width`.
    qreal chipWidth() const;
    int chipsPerRow(qreal width) const;
    int poolRows(qreal width) const;
    qreal poolRowHeight() const;
    QRectF slotBar() const; // practice_figure_slots.cpp, as the slots' painting
    static constexpr int kSlots = 16384;
    // Under master `index`'s run from x0 to x1: a bar and `text` in the mark's colour.
    void paintAnswerMark(QPainter& p, qreal x0, qreal x1, const QColor& tone, const QString& text);

    Theme theme_;
    Kind kind_ = Kind::None;
    nlohmann::json tree_;
    std::vector<int> runEnds_;                      // Slots: the last slot of each master's run
    std::vector<std::pair<double, double>> points_; // Series: (t_ms, value)
    double step_ms_ = 0;
    int picked_ = -1, right_ = -1;
    std::vector<AnswerMark> answerMarks_; // as last painted
    bool printed_ = false;
    bool comparing_ = false;
    nlohmann::json tables_; // Tables: the exercise's given
    QString treeCaption_;
    QStringList members_, words_;       // Members: the group and its partitions
    QMap<QString, QString> assignment_; // partition -> member
    std::vector<std::pair<QRectF, QString>> chipHits_, columnHits_; // as last painted
    QString dragging_; // the partition being dragged, if any
    QPointF dragAt_;
    QStringList pickedWords_;
    QStringList marks_;     // a walkthrough step's
    bool pathMode_ = false; // a B-Tree search's path: a click names the node
    std::vector<std::pair<QRectF, qint64>> keyHits_;    // Tree: each key's cell, as last painted
    std::vector<std::pair<QRectF, QString>> tableHits_; // Tables: each table's box
    nlohmann::json yours_;
};

} // namespace fg
