#include "app/export_actions.h"

#include "app/reader/chapter_html.h"
#include "models/io/atomic_file.h"
#include "models/io/status_text.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/animation_dialog.h"
#include "widgets/export/animation_export.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/export/export_dialog.h"
#include "widgets/export/handout_dialog.h"
#include "widgets/export/paged_text.h"
#include "widgets/export/picture_export.h"
#include "widgets/figure/figure_renderer.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImage>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QProgressDialog>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>
#include <cmath>

namespace fg {

namespace {

// The words of this file go to translators under fg::ExportActions (tr() and lupdate agree).
struct ExportActionsWords {
    Q_DECLARE_TR_FUNCTIONS(fg::ExportActions)
};

} // namespace

QString exportDiagramInteractive(QWidget* parent, const Exportable& what, const Theme& screenTheme,
                                 const QString& title) {
    ExportDialog dialog(what.screenSize, screenTheme, what.baseName, parent);
    // The file is written while the dialog is open: a failure shows there, the settings kept.
    dialog.setWriter([&what, &title](const ExportDialog& d) {
        PictureOptions options = d.options();
        options.title = title; // a PDF viewer's window title said nothing (the CLI's said it)
        return exportPicture(what.picture(d.theme()), d.format(), d.path(), options);
    });
    return dialog.exec() == QDialog::Accepted ? dialog.path() : QString();
}

void copyDiagramToClipboard(const Exportable& what, const Theme& theme) {
    const PaintFunction paint = what.picture(theme);
    const QSizeF size = what.screenSize.isEmpty() ? QSizeF(1280, 720) : QSizeF(what.screenSize);
    const QImage img = paintToImage(paint, size, 2, theme.background);
    const QByteArray svg = svgPicture(paint, size, theme.background);
    auto* mime = new QMimeData;
    mime->setImageData(img);
    mime->setData(QStringLiteral("image/svg+xml"), svg);
    QApplication::clipboard()->setMimeData(mime);
}

QString exportAnimationInteractive(QWidget* parent, const Exportable& what, const Theme& theme) {
    if (!what.source || what.source->stepCount() == 0) {
        // A Lab page steps too, but it draws two sides: "no steps" was not true of it (a tester).
        QMessageBox::information(
            parent, ExportActionsWords::tr("Export animation"),
            what.source ? ExportActionsWords::tr("This diagram has no steps to animate.")
                        : ExportActionsWords::tr(
                              "An animation is made of one live diagram (open one in the "
                              "Diagrams menu). This page's drawings export as a picture of the "
                              "step on screen: File > Export diagram (Ctrl+E)."));
        return {};
    }
    AnimationDialog dialog(*what.source, what.baseName, parent);
    // Written while the dialog is open: a failure shows there with the settings kept; Cancel in
    // the progress window leaves no file and the dialog as it was.
    dialog.setWriter([&what, &theme, parent](const AnimationDialog& d) {
        AnimationOptions o = d.options();
        o.scenarioTitle = what.scenarioTitle;
        const int total = animationFrameCount(*what.source, o);
        QProgressDialog progress(ExportActionsWords::tr("Drawing %L1 frames\u2026").arg(total),
                                 ExportActionsWords::tr("Cancel"), 0, total, parent);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(300);
        // Esc is Cancel: it rejected the progress window, which only hid it (Qt 6.4 does not
        // turn that into cancel()), and the export went on. Esc in the export dialog too.
        QObject::connect(&progress, &QDialog::rejected, &progress, &QProgressDialog::cancel);
        auto report = [&](int done, int) {
            progress.setValue(done);
            return !progress.wasCanceled() && !d.cancelRequested();
        };
        const Status error = d.gif() ? exportGif(*what.source, theme, d.path(), o, report)
                                     : exportFrameSequence(*what.source, theme, d.path(),
                                                           d.frameBaseName(), o, report);
        progress.reset();
        return error;
    });
    return dialog.exec() == QDialog::Accepted ? dialog.path() : QString();
}

int handoutChapter(const Course& course, int readerChapter, const QString& diagramId) {
    const int count = static_cast<int>(course.chapters.size());
    const auto holds = [&](int i) {
        return i >= 0 && i < count &&
               course.chapters[static_cast<std::size_t>(i)].diagramIds().contains(diagramId);
    };
    if (!diagramId.isEmpty() && !holds(readerChapter)) {
        for (int i = 0; i < count; ++i) {
            if (course.chapters[static_cast<std::size_t>(i)].loaded() && holds(i)) {
                return i;
            }
        }
    }
    return readerChapter >= 0 && readerChapter < count ? readerChapter : -1;
}

QString exportHandoutInteractive(QWidget* parent, const Course& course, int readerChapter,
                                 const QString& diagramId) {
    // The chapters a handout can be made of (those that loaded), as the reader lists them.
    std::vector<const Chapter*> chapters;
    QStringList names;
    const int wanted = handoutChapter(course, readerChapter, diagramId);
    int chosen = 0;
    for (const Chapter& ch : course.chapters) {
        if (!ch.loaded()) {
            continue;
        }
        if (&ch - course.chapters.data() == wanted) {
            chosen = static_cast<int>(chapters.size());
        }
        chapters.push_back(&ch);
        names << (ch.number.isEmpty() ? ch.title : ch.number + QStringLiteral(". ") + ch.title);
    }
    if (chapters.empty()) {
        QMessageBox::information(
            parent, ExportActionsWords::tr("Export handout"),
            ExportActionsWords::tr("No chapter of the course could be loaded."));
        return {};
    }
    const LiveDiagram* diagram = diagramId.isEmpty() ? nullptr : liveDiagram(diagramId);
    const QString why =
        wanted < 0 ? QString()
        : diagram && wanted != readerChapter
            ? ExportActionsWords::tr("The chapter of the diagram on screen, \u201c%1\u201d.")
                  .arg(diagram->title())
        : diagram
            ? ExportActionsWords::tr("The chapter open in the reader, which holds the diagram on "
                                     "screen, \u201c%1\u201d.")
                  .arg(diagram->title())
            : ExportActionsWords::tr("The chapter open in the reader.");
    HandoutDialog dialog(names, chosen, why, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return {};
    }
    const Chapter& chapter = *chapters[static_cast<std::size_t>(dialog.chapter())];
    // In the folder of the last export (not the folder the app was started from).
    const QString path = QFileDialog::getSaveFileName(
        parent, ExportActionsWords::tr("Export handout of \u201c%1\u201d").arg(chapter.title),
        QDir(lastExportFolder()).filePath(chapter.id + ".pdf"),
        ExportActionsWords::tr("PDF documents (*.pdf)"));
    if (path.isEmpty()) {
        return {};
    }
    const Status error = exportHandoutPdf(chapter, path, dialog.paper());
    if (!error) {
        QMessageBox::warning(parent, ExportActionsWords::tr("Export handout"), messageOf(error));
        return {};
    }
    rememberExportFolder(QFileInfo(path).absolutePath()); // only once it was written there
    return path;
}

} // namespace fg
