// The decision tools as a student uses them. WizardView asks the course's decision flowchart one
// question at a time (keys 1-9 answer, Backspace goes back), shows the path taken, and ends in the
// recommended stores with their trade-offs, CAP/PACELC class and links into the chapters; the
// result exports as PNG, SVG or PDF. MatrixView is the quick reference table made interactive:
// tick requirements, and each store is marked as fitting, fitting partly or ruled out, with the
// reason in each cell's tooltip and, for the cell the arrows are on, under the table; a
// double-click or Enter on a cell opens the store's chapter.
#pragma once

#include "models/decision/decision_tools.h"
#include "models/theme/theme.h"
#include "widgets/canvas/page.h"
#include "widgets/export/picture_export.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QTextDocument;
class QVBoxLayout;

namespace fg {

// The wizard's result as it is exported: `html` in `theme` on a page of `page` (pixels or
// points), its type a 45th of the page's height or smaller, so that the whole result fits.
void layOutResult(QTextDocument& doc, const QString& html, const Theme& theme, QSizeF page);
qreal resultMargin(QSizeF page); // around the text, on each side

class WizardView : public QWidget, public Page {
    Q_OBJECT
public:
    WizardView(DecisionTree tree, QWidget* parent = nullptr);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // Takes answer `index` of the current question. REQUIRES: a question is on screen.
    void answer(int index);
    void back();
    void restart();
    bool atResult() const { return !resultId_.isEmpty(); }
    // "Export the result..." is on screen only at a result.
    bool canExport() const;
    QString resultId() const { return resultId_; }
    QString currentQuestion() const { return current_; }
    QStringList trail() const; // "question: answer" for each step taken
    // The result as a picture (the same text as on screen), for Export in `format`: a PDF is
    // for paper, in the light theme whatever the screen's (a Dark one printed a near-black A4:
    // tester 45); a PNG or SVG is in the screen's theme.
    PaintFunction resultPicture(PictureFormat format = PictureFormat::Png) const;
    // How the result is exported: A4's shape, on A4 paper as a PDF, in its theme's background.
    PictureOptions resultOptions(PictureFormat format = PictureFormat::Png) const;
    QString resultHtml() const;
    // Where Export offers to save the result: the folder of the last export (as every export
    // dialog), named after the result.
    QString suggestedResultPath() const;
    // The answers taken, from the first question on ({"answers": [1, 0, 2]}): the next start
    // shows the same question or result (a tester found the wizard at question 1 again while
    // every diagram came back at its step). An answer that no longer fits the tree ends the
    // replay there.
    nlohmann::json keptSettings() const override;
    void restoreSettings(const nlohmann::json& kept) override;

signals:
    void chapterLinkActivated(const QString& chapter, const QString& section);
    // Export the result wrote `path` (the window says so).
    void resultExported(const QString& path);
    void keptSettingsChanged(); // an answer taken or taken back

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // focusAnswer: the answer the keys go to, when the wizard had them (the one chosen before,
    // after Back).
    void showStep(const QString& id, int focusAnswer = 0);
    void makeAnswerButtons();
    void showAnswers(const WizardQuestion& q, bool takeFocus, int focusAnswer);
    void fitColumnToFont();
    // The result's box as tall as its text at its width (the page scrolls it only when the
    // window is shorter than that).
    void fitResultToText();
    void exportResult();

    DecisionTree tree_;
    Theme theme_ = Theme::light();
    QString current_, resultId_;
    std::vector<std::pair<QString, int>> taken_; // question, answer
    QLabel* trail_;
    QLabel* question_;
    QLabel* help_;
    QVBoxLayout* column_ = nullptr;
    QWidget* answers_;
    QVBoxLayout* answersLayout_;
    std::vector<QPushButton*> answerButtons_; // as many as the longest question has answers
    QTextBrowser* result_;
    QPushButton* back_;
    QPushButton* export_;
};

class MatrixView : public QWidget, public Page {
    Q_OBJECT
public:
    MatrixView(DecisionMatrix matrix, QWidget* parent = nullptr);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    void setTicked(int requirement, bool on);
    QString verdict() const; // the summary line under the table
    QTableWidget* table() const { return table_; }
    // The reason for the cell the arrows are on, as written under the table.
    QString currentReason() const;
    // The needs ticked ({"ticked": [0, 3]}, by row), kept to the next start.
    nlohmann::json keptSettings() const override;
    void restoreSettings(const nlohmann::json& kept) override;

signals:
    void chapterLinkActivated(const QString& chapter, const QString& section);
    void keptSettingsChanged(); // a need ticked or unticked

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    // The page focused (opened, or its tab chosen again from the Study menu): the keys go to the
    // table, where the arrows move and Space ticks a need. Not a focus proxy (Qt would count the
    // page as a Tab stop of its own).
    void focusInEvent(QFocusEvent* event) override;

private:
    void refresh();
    void fitRows();
    void explainCurrentCell(int row, int column);
    void openStoreChapter(int column);

    DecisionMatrix matrix_;
    Theme theme_ = Theme::light();
    QTableWidget* table_;
    QLabel* verdict_;
    QLabel* reason_;
};

} // namespace fg
