#include "widgets/study/quiz_anki_export.h"

#include "models/io/status_text.h"
#include "models/study/quiz_deck.h"
#include "widgets/export/animation_dialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace fg {

namespace {

// The words of this file go to translators under fg::QuizAnkiExport (tr() and lupdate agree).
struct QuizAnkiExportWords {
    Q_DECLARE_TR_FUNCTIONS(fg::QuizAnkiExport)
};

} // namespace

QString exportQuizCardsInteractive(QWidget* parent, const QuizDeck& deck, const Course& course) {
    const QString title = QuizAnkiExportWords::tr("Export quiz cards for Anki");
    if (deck.cards.empty()) {
        QMessageBox::information(parent, title,
                                 QuizAnkiExportWords::tr("There are no quiz cards to export."));
        return {};
    }
    const QString path = QFileDialog::getSaveFileName(
        parent, title, QDir(lastExportFolder()).filePath(QStringLiteral("fieldguide-quiz.txt")),
        QuizAnkiExportWords::tr("Text files for Anki (*.txt)"));
    if (path.isEmpty()) {
        return {};
    }
    if (const Status s = writeAnkiFile(deck, course, path); !s) {
        QMessageBox::warning(parent, title, messageOf(s));
        return {};
    }
    rememberExportFolder(QFileInfo(path).absolutePath()); // only once it was written there
    return path;
}

} // namespace fg
