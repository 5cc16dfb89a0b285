// MainWindow (main_window.h): File > Export of the tab shown (a diagram as PNG, SVG or PDF, its
// animation as GIF or frames), what the status bar says after, and its hint where the tab has
// nothing to export.
#include "app/export_actions.h"
#include "app/main_window.h"
#include "widgets/canvas/page.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStatusBar>

namespace fg {

std::optional<Exportable> MainWindow::currentExportable() const {
    Page* page = pageOf(tabs_->currentWidget());
    return page ? page->exportable() : std::nullopt;
}

void MainWindow::exportDiagram() {
    if (const auto e = currentExportable()) {
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const Page* page = pageOf(tabs_->currentWidget());
        const QString saved =
            exportDiagramInteractive(this, *e, theme_, page ? page->pageTitle() : QString());
        afterDialog(focus);
        saySaved(tr("Diagram saved as %1."), saved);
    } else {
        showTabHint(tr("Open a live diagram (Diagrams menu) to export it; File > Export chapter "
                       "as handout PDF exports the chapter with its figures."),
                    8000);
    }
}

void MainWindow::exportAnimation() {
    if (const auto e = currentExportable()) {
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString saved = exportAnimationInteractive(this, *e, theme_);
        afterDialog(focus);
        saySaved(QFileInfo(saved).isDir() ? tr("Animation frames saved in %1.")
                                          : tr("Animation saved as %1."),
                 saved);
    } else {
        showTabHint(tr("Open a live diagram (Diagrams menu) to export it."), 5000);
    }
}

void MainWindow::showTabHint(const QString& text, int ms) {
    tabHint_ = text;
    statusBar()->showMessage(text, ms);
}

void MainWindow::saySaved(const QString& sentence, const QString& path) {
    if (!path.isEmpty()) {
        statusBar()->showMessage(sentence.arg(QDir::toNativeSeparators(path)), 10000);
    }
}

} // namespace fg
