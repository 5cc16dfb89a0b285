#include "widgets/study/quiz_anki_export.h"

#include "models/io/status_text.h"
#include "models/study/quiz_deck.h"
#include "widgets/export/animation_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace fg {

QString exportQuizCardsInteractive(QWidget* parent, const QuizDeck& deck, const Course& course) {
    const QString title = QObject::tr("Export quiz cards for Anki");
    if (deck.cards.empty()) {
        QMessageBox::information(parent, title, QObject::tr("There are no quiz cards to export."));
        return {};
    }
    const QString path = QFileDialog::getSaveFileName(
        parent, title, QDir(lastExportFolder()).filePath(QStringLiteral("fieldguide-quiz.txt")),
        QObject::tr("Text files for Anki (*.txt)"));
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
