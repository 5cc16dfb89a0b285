#include "widgets/practice/worksheet.h"

#include "engines/practice/practice_session.h"
#include "models/io/status_text.h"
#include "models/theme/theme.h"
#include "widgets/export/animation_dialog.h"
#include "widgets/export/paged_text.h"
#include "widgets/practice/given_text.h"
#include "widgets/practice/practice_figure.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QFormLayout>
#include <QImage>
#include <QMessageBox>
#include <QPageLayout>
#include <QPainter>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>
#include <optional>

namespace fg {

namespace {

// The words of this file go to translators under fg::Worksheet (tr() and lupdate agree).
struct WorksheetWords {
    Q_DECLARE_TR_FUNCTIONS(fg::Worksheet)
};

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

// The exercise's picture at `width` points, three times as sharp, or a null image.
QImage pictureOf(const practice::Exercise& e, int width) {
    PracticeFigure figure;
    figure.setTheme(Theme::light());
    figure.setPrinted(true);
    figure.setExercise(e);
    if (figure.isHidden()) {
        return {};
    }
    QFont f = figure.font();
    f.setPixelSize(11);
    figure.setFont(f);
    figure.resize(width, figure.heightForWidth(width));
    QImage image(figure.size() * 3, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(3);
    image.fill(Qt::white);
    figure.render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

// Lines to write on, as tall as the answer usually needs.
int answerLines(const practice::Exercise& e) {
    int lines = 2;
    for (const auto& f : e.fields) {
        using Kind = practice::AnswerField::Kind;
        lines +=
            f.kind == Kind::Tree || f.kind == Kind::Buckets || f.kind == Kind::PerMember ? 4 : 1;
    }
    return lines;
}

QString exercisesHtml(const std::vector<practice::Exercise>& exercises, const QString& title,
                      QTextDocument& doc, qreal width) {
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(WorksheetWords::tr("Practice worksheet"), title.toHtmlEscaped());
    for (std::size_t i = 0; i < exercises.size(); ++i) {
        const auto& e = exercises[i];
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(WorksheetWords::tr("Exercise %1 (seed %2)").arg(i + 1).arg(e.seed),
                         esc(e.prompt));
        html += givenHtml(e);
        const QImage picture = pictureOf(e, static_cast<int>(width));
        if (!picture.isNull()) {
            const QUrl url(QStringLiteral("worksheet://%1.png").arg(i));
            doc.addResource(QTextDocument::ImageResource, url, picture);
            html += QStringLiteral("<p><img src=\"%1\" width=\"%2\"></p>")
                        .arg(url.toString())
                        .arg(static_cast<int>(width));
        }
        html += QStringLiteral("<p>%1</p>").arg(WorksheetWords::tr("Your answer:"));
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"9\">");
        for (int l = 0; l < answerLines(e); ++l) {
            html += QStringLiteral("<tr><td style=\"border-bottom: 1px solid #999;\">&nbsp;"
                                   "</td></tr>");
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString keyHtml(const std::vector<practice::Exercise>& exercises, const QString& title) {
    QString html = QStringLiteral("<h1 style=\"page-break-before: always;\">%1</h1><p>%2</p>")
                       .arg(WorksheetWords::tr("Answer key"), title.toHtmlEscaped());
    for (std::size_t i = 0; i < exercises.size(); ++i) {
        html +=
            QStringLiteral("<h3>%1</h3><p style=\"white-space: pre-wrap;\">%2</p>")
                .arg(WorksheetWords::tr("Exercise %1 (seed %2)").arg(i + 1).arg(exercises[i].seed),
                     esc(practice::answerText(exercises[i])));
    }
    return html;
}

// Moves every exercise (from its heading to the next heading) that a page would cut in two,
// and that fits a page, to the next page: a page break before its heading.
void keepExercisesWhole(QTextDocument& doc) {
    const qreal pageHeight = doc.pageSize().height();
    for (int pass = 0; pass < 200; ++pass) {
        doc.pageCount(); // lays the document out
        std::vector<QTextBlock> headings;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            if (b.blockFormat().headingLevel() > 0) {
                headings.push_back(b);
            }
        }
        bool moved = false;
        for (std::size_t i = 0; i < headings.size() && !moved; ++i) {
            const qreal top = doc.documentLayout()->blockBoundingRect(headings[i]).top();
            // Where the exercise ends: the next heading, or the end of its own last block when
            // the next heading starts a page of its own (or there is none).
            const QTextBlock next = i + 1 < headings.size() ? headings[i + 1] : QTextBlock();
            const bool nextBreaks = !next.isValid() || (next.blockFormat().pageBreakPolicy() &
                                                        QTextFormat::PageBreak_AlwaysBefore);
            const QTextBlock last = next.isValid() ? next.previous() : doc.lastBlock();
            const qreal bottom = nextBreaks ? doc.documentLayout()->blockBoundingRect(last).bottom()
                                            : doc.documentLayout()->blockBoundingRect(next).top();
            const bool cut =
                static_cast<int>(top / pageHeight) != static_cast<int>((bottom - 12) / pageHeight);
            if (cut && bottom - top < pageHeight * 0.95 &&
                !(headings[i].blockFormat().pageBreakPolicy() &
                  QTextFormat::PageBreak_AlwaysBefore)) {
                QTextBlockFormat f;
                f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(headings[i]).mergeBlockFormat(f);
                moved = true;
            }
        }
        if (!moved) {
            return;
        }
    }
}

// The page the answer key starts on: the page of its heading's block.
int keyFirstPage(QTextDocument& doc, const QString& heading) {
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (b.text() == heading) {
            const qreal y = doc.documentLayout()->blockBoundingRect(b).top();
            return static_cast<int>(y / doc.pageSize().height());
        }
    }
    return doc.pageCount();
}

} // namespace

Status exportWorksheetPdf(const std::vector<practice::Exercise>& exercises, const QString& title,
                          const QString& path, WorksheetPages* pages, QPageSize::PageSizeId size) {
    const QPageLayout layout(QPageSize(size), QPageLayout::Portrait, QMarginsF(18, 18, 18, 18),
                             QPageLayout::Millimeter);
    const QRectF text = layout.paintRect(QPageLayout::Point);
    QTextDocument doc;
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(10);
    doc.setDefaultFont(body);
    doc.setPageSize(text.size());
    doc.setHtml(exercisesHtml(exercises, title, doc, text.width() - 2 * doc.documentMargin()) +
                keyHtml(exercises, title));
    keepExercisesWhole(doc);
    const int keyPage = keyFirstPage(doc, WorksheetWords::tr("Answer key"));
    if (pages) {
        *pages = {keyPage, doc.pageCount() - keyPage};
    }
    return writePdfPages(
        path, layout, WorksheetWords::tr("Practice worksheet: %1").arg(title), doc.pageCount(),
        [&doc](QPainter& p, int page) { paintPage(p, doc, page, Theme::light().text); });
}

} // namespace fg

namespace fg {

namespace {

// The worksheet's choices asked in a dialog, starting from `start`; nullopt when cancelled.
std::optional<WorksheetChoice> askChoice(QWidget* parent, const WorksheetChoice& start) {
    QDialog dialog(parent);
    dialog.setWindowTitle(WorksheetWords::tr("Export worksheet"));
    auto* form = new QFormLayout(&dialog);
    auto* topics = new QComboBox(&dialog);
    for (const auto& t : practice::topics()) {
        topics->addItem(QString::fromUtf8(t.title), QString::fromUtf8(t.id));
    }
    topics->setCurrentIndex(std::max(0, topics->findData(start.topic)));
    auto* level = new QComboBox(&dialog);
    level->addItems(
        {WorksheetWords::tr("Easy"), WorksheetWords::tr("Medium"), WorksheetWords::tr("Hard")});
    level->setCurrentIndex(static_cast<int>(start.level));
    auto* count = new QSpinBox(&dialog);
    count->setRange(1, practice::kMaxSessionCount);
    count->setValue(start.count);
    auto* seed = new QSpinBox(&dialog);
    seed->setRange(0, 999'999'999);
    seed->setValue(start.seed > 0 && start.seed <= 999'999'999
                       ? static_cast<int>(start.seed)
                       : QRandomGenerator::global()->bounded(1, 100'000));
    form->addRow(WorksheetWords::tr("&Topic"), topics);
    form->addRow(WorksheetWords::tr("&Level"), level);
    form->addRow(WorksheetWords::tr("&Exercises"), count);
    form->addRow(WorksheetWords::tr("&Seed (the Practice page asks the same questions)"), seed);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return WorksheetChoice{topics->currentData().toString(),
                           static_cast<practice::Level>(level->currentIndex()), count->value(),
                           static_cast<std::uint64_t>(seed->value())};
}

} // namespace

QString exportWorksheetInteractive(QWidget* parent, const WorksheetChoice& start) {
    const auto choice = askChoice(parent, start);
    if (!choice) {
        return {};
    }
    const QString level = QString::fromUtf8(practice::levelName(choice->level));
    QString topicTitle = choice->topic;
    for (const auto& t : practice::topics()) {
        topicTitle = choice->topic == QLatin1String(t.id) ? QString::fromUtf8(t.title) : topicTitle;
    }
    const QString title =
        WorksheetWords::tr("%1, %2, seed %3").arg(topicTitle, level).arg(choice->seed);
    const QString suggested = QDir(lastExportFolder())
                                  .filePath(QStringLiteral("worksheet-%1-%2-seed%3.pdf")
                                                .arg(choice->topic, level)
                                                .arg(choice->seed));
    const QString path = QFileDialog::getSaveFileName(parent, WorksheetWords::tr("Save worksheet"),
                                                      suggested, WorksheetWords::tr("PDF (*.pdf)"));
    if (path.isEmpty()) {
        return {};
    }
    const auto exercises = practice::makeSession(practice::typesOf(choice->topic.toStdString()),
                                                 choice->level, choice->count, choice->seed);
    if (const Status s = exportWorksheetPdf(exercises, title, path); !s) {
        QMessageBox::warning(parent, WorksheetWords::tr("Worksheet not saved"),
                             WorksheetWords::tr("The worksheet could not be saved: %1")
                                 .arg(QString::fromStdString(s.message())));
        return {};
    }
    rememberExportFolder(QFileInfo(path).absolutePath());
    return path;
}

} // namespace fg
