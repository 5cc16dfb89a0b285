// MainWindow (main_window.h): Help > Keyboard shortcuts and About.
#include "app/export_actions.h"
#include "app/main_window.h"
#include "app/page_tabs.h"
#include "app/presentation/presentation.h"
#include "app/reader/reader_view.h"
#include "app/window_tab_order.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontInfo>
#include <QFrame>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

void MainWindow::showKeyboardHelp(QWidget* over) {
    // A dialog of its own, not a message box: in the Projector's type the sheet was taller than a
    // 1080-pixel screen, cut at the bottom with no scroll bar ("In a live diagram" lost). Its text
    // scrolls, and the dialog is at most 85% of the screen high.
    const QPointer<QWidget> focus = QApplication::focusWidget();
    QDialog sheet(over ? over : this);
    sheet.setObjectName(QStringLiteral("keyboardHelp"));
    sheet.setWindowTitle(tr("Keyboard shortcuts"));
    auto* text = new QTextBrowser(&sheet);
    text->setAccessibleName(tr("Keyboard shortcuts"));
    text->setFrameShape(QFrame::NoFrame);
    // The presenter's keys, one table (the F5 row repeated them in a paragraph): over the slides
    // first, in type read from the back of the room (the desk's small sheet came up on the
    // projected screen: tester 40); on the desk after the window's keys.
    const QString presenting =
        tr("<table cellpadding=4 width=\"100%\">"
           "<tr><td colspan=2><b>While presenting</b></td></tr>"
           "<tr><td width=\"30%\"><b>Right / Left</b></td><td>Step a diagram; then the next / "
           "previous slide</td></tr>"
           "<tr><td><b>PgDn / PgUp</b></td><td>Next / previous screen (a clicker): a long "
           "section's next page, else the next slide; a diagram that "
           "has no slide after / before it steps; a diagram's slide shown before is at the step "
           "it was left at</td></tr>"
           "<tr><td><b>Home / End</b></td><td>First / last step, then the first / last "
           "slide</td></tr>"
           "<tr><td><b>P</b></td><td>Play or pause a diagram</td></tr>"
           "<tr><td><b>B / L / Z</b></td><td>Black screen / spotlight / zoom</td></tr>"
           "<tr><td><b>T / C</b></td><td>Timer / a diagram's chart, shown or hidden</td></tr>"
           "<tr><td><b>Esc</b></td><td>Leave the presentation</td></tr></table><br>");
    const auto* deck = qobject_cast<const PresentationWindow*>(over);
    if (deck) {
        QFont f = text->font();
        f.setPixelSize(std::max(QFontInfo(f).pixelSize(), qRound(deck->bodyPx() * 0.75)));
        text->setFont(f);
    }
    const QString desk =
        tr("<table cellpadding=4 width=\"100%\">"
           "<tr><td colspan=2><b>Anywhere in the window</b></td></tr>"
           "<tr><td width=\"30%\"><b>Alt+Down / Alt+Up</b></td><td>Next / previous "
           "section</td></tr>"
           "<tr><td><b>Alt+PgDown / Alt+PgUp</b></td><td>Next / previous chapter</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>Search every chapter (Esc closes the search)</td></tr>"
           "<tr><td><b>F3 / Shift+F3</b></td><td>Next / previous search hit</td></tr>"
           "<tr><td><b>Ctrl++ (or Ctrl+=) / Ctrl+- / Ctrl+0</b></td><td>Zoom in / out / back "
           "(the text, or a page's drawings; as in the View menu)</td></tr>"
           "<tr><td><b>Ctrl+D</b></td><td>Bookmark this section (again: remove the "
           "bookmark)</td></tr>"
           "<tr><td><b>Ctrl+Shift+N</b></td><td>Note on this section</td></tr>"
           "<tr><td><b>F9</b></td><td>Show or hide the chapter list (in a narrow window it "
           "steps aside on a diagram's tab)</td></tr>"
           "<tr><td><b>F11</b></td><td>Full screen</td></tr>"
           "<tr><td><b>F5 / Shift+F5</b></td><td>Present what is on screen: the chapter from "
           "its first slide / from the section being read, or the live diagram of the tab (Esc "
           "leaves, the reader then at the slide's section); any other page (a Lab page, a study "
           "tool) fills the screen and stays live (Esc or F5 leaves); its keys are listed "
           "under While presenting</td></tr>"
           "<tr><td><b>Ctrl+E</b></td><td>Export the diagram (PNG, SVG, PDF)</td></tr>"
           "<tr><td><b>Ctrl+Shift+E</b></td><td>Export an animation (GIF, PNG frames)</td></tr>"
           "<tr><td><b>Ctrl+Shift+C</b></td><td>Copy the diagram as an image</td></tr>"
           "<tr><td><b>Ctrl+PgDown / Ctrl+PgUp, Ctrl+Tab / Ctrl+Shift+Tab</b></td><td>Next / "
           "previous tab</td></tr>"
           "<tr><td><b>Ctrl+W</b></td><td>Close the tab</td></tr>"
           "<tr><td><b>Ctrl+Shift+T</b></td><td>Bring back the tab closed last, as it was</td></tr>"
           "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr>"
           "<tr><td><b>Esc</b></td><td>Stop what is going on: close the search, cancel an "
           "export, a B-Tree vs LSM run or a large diagram being built, leave the "
           "presentation</td></tr>"
           "<tr><td colspan=2><br><b>In a live diagram</b></td></tr>"
           "<tr><td><b>Space</b></td><td>Play / pause (on a button, Space presses that "
           "button)</td></tr>"
           "<tr><td><b>Left / Right</b></td><td>Step back / forward</td></tr>"
           "<tr><td><b>Home / End</b></td><td>First / last step</td></tr>"
           "<tr><td><b>- / +</b></td><td>Slower / faster</td></tr>"
           "<tr><td><b>Ctrl+wheel</b></td><td>Zoom the drawing in / out</td></tr>"
           "<tr><td><b>Ctrl++ / Ctrl+- / Ctrl+0</b></td><td>Zoom the drawing in / out / fit "
           "it to the window</td></tr>"
           "<tr><td><b>Ctrl+Z</b></td><td>Undo the last thing you did to the diagram: an "
           "operation, a setting, a preset, Clear, Reset</td></tr>"
           "<tr><td><b>Drag</b></td><td>Move (pan) the drawing</td></tr>"
           "<tr><td><b>Shift+arrow keys</b></td><td>Scroll a drawing larger than its area "
           "(zoomed, or a Lab page's), with the focus on it; a Lab page's two drawings scroll "
           "together</td></tr>"
           "<tr><td colspan=2><br><b>In the quiz (Study &gt; Quiz)</b></td></tr>"
           "<tr><td><b>1 to 4</b></td><td>Pick that answer</td></tr>"
           "<tr><td><b>Enter</b></td><td>Check the answer, then go to the next card; for a "
           "card you answer in your head, show the model answer</td></tr>"
           "<tr><td colspan=2><br><b>In practice (Study &gt; Practice)</b></td></tr>"
           "<tr><td><b>Enter</b></td><td>In the choices at the top: start. Below: check the "
           "answer, then go to the next exercise</td></tr>"
           "<tr><td><b>Ctrl+Enter</b></td><td>Check, from a box of several lines (where Enter "
           "starts a new line)</td></tr>"
           "<tr><td><b>1 to 9</b></td><td>Pick that choice (in the group you are in, else the "
           "first group not yet answered)</td></tr>"
           "<tr><td><b>Tab / Shift+Tab</b></td><td>Move between the answer's boxes and "
           "buttons</td></tr>"
           "<tr><td><b>Alt+T, Alt+L, Alt+Q, Alt+I, Alt+U, Alt+A</b></td><td>Topic, Level, "
           "Questions, Time, Seed number, Start</td></tr>"
           "<tr><td><b>Alt+C, Alt+O, Alt+X, Alt+N</b></td><td>Check, Show me, Same exercise "
           "again, Next</td></tr></table>");
    text->setHtml(deck ? presenting + desk : desk + QStringLiteral("<br>") + presenting);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &sheet);
    connect(close, &QDialogButtonBox::rejected, &sheet, &QDialog::reject);
    auto* column = new QVBoxLayout(&sheet);
    column->addWidget(text);
    column->addWidget(close);
    // As wide as 100 characters of its type (at 70 the F5 line wrapped over 14 lines beside its
    // key), as tall as its text, within 90% of the screen's width and 85% of its height.
    const QFontMetrics fm(text->font());
    const QRect screen =
        this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    const int w = std::min(fm.averageCharWidth() * 100, int(screen.width() * 0.9));
    text->document()->setTextWidth(w);
    const int h = std::min(int(text->document()->size().height()) + 4 * fm.height(),
                           int(screen.height() * 0.85));
    sheet.resize(w + 24, h);
    sheet.exec();
    if (over) {
        over->activateWindow(); // the slides keep the keyboard
        over->raise();
    } else {
        afterDialog(focus);
    }
}

void MainWindow::showAbout() {
    const QPointer<QWidget> focus = QApplication::focusWidget();
    QMessageBox::about(this, tr("About fieldguide"),
                       tr("<b>fieldguide %1</b><p>A field guide to choosing a database, with live "
                          "diagrams of the real algorithms.</p><p>Licensed under the GNU GPL, "
                          "version 3 or later.</p>")
                           .arg(QStringLiteral(FIELDGUIDE_VERSION)));
    afterDialog(focus);
}

// The reader follows the list's arrows while it is on screen; behind another tab (a study tool)
// the tab stays until Enter or a click (tester 36 #6: Down in the list replaced the decision
// matrix by the reader), and the status bar says so.
void MainWindow::browseSection(int chapter, const QString& sectionId) {
    if (tabs_->currentWidget() == reader_) {
        // The reader follows and the list keeps the row the arrows are on: marking the
        // chapter's first section from the chapter's own row put Up back on it, and Up never got
        // past a chapter (tester 37).
        reader_->showChapter(chapter, sectionId);
        updateWindowTitle();
    } else {
        // A hint of this tab: gone when the Reader comes to the front (a click opens the section
        // at once, after this said the tab stays: tester 41).
        showTabHint(tr("Enter opens this section in the Reader tab; until then this tab stays."),
                    8000);
    }
}

bool MainWindow::focusNextPrevChild(bool next) {
    if (QWidget* to = tabOrder_->redirect(this, QApplication::focusWidget(), next)) {
        to->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        return true;
    }
    return QMainWindow::focusNextPrevChild(next);
}

} // namespace fg
