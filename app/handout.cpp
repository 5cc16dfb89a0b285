#include "app/handout.h"

#include "app/handout_asides.h"
#include "app/handout_pictures.h"
#include "app/reader/chapter_html.h"
#include "app/reader/table_fit.h"
#include "models/io/status_text.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/paged_text.h"

#include <QCoreApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

// The words of this file go to translators under fg::Handout (tr() and lupdate agree).
struct HandoutWords {
    Q_DECLARE_TR_FUNCTIONS(fg::Handout)
};

// One family for the body (DejaVu Serif) and one for headings (DejaVu Sans) on paper: a
// callout's title and notes came in the reader's sans beside the serif body. Code keeps its
// fixed-pitch face.
void useHandoutFamilies(QTextDocument& doc) {
    struct Run {
        int position, length;
        bool heading;
    };
    std::vector<Run> runs;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const bool heading = b.blockFormat().headingLevel() > 0;
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat cf = f.charFormat();
            const QString family = cf.fontFamilies().toStringList().value(0);
            if (cf.isImageFormat() || cf.fontFixedPitch() ||
                family.contains(QLatin1String("Mono"), Qt::CaseInsensitive) ||
                family.compare(QLatin1String("monospace"), Qt::CaseInsensitive) == 0) {
                continue;
            }
            runs.push_back({f.position(), f.length(), heading});
        }
    }
    for (const Run& r : runs) {
        QTextCursor c(&doc);
        c.setPosition(r.position);
        c.setPosition(r.position + r.length, QTextCursor::KeepAnchor);
        QTextCharFormat family;
        family.setFontFamilies(
            {r.heading ? QStringLiteral("DejaVu Sans") : QStringLiteral("DejaVu Serif")});
        c.mergeCharFormat(family);
    }
}

} // namespace

namespace {

constexpr qreal kFooter = 28; // points under the text for "Page 2 of 7"

QPageLayout handoutLayout(QPageSize::PageSizeId page) {
    return QPageLayout(QPageSize(page), QPageLayout::Portrait, QMarginsF(18, 18, 18, 12),
                       QPageLayout::Millimeter);
}

} // namespace

Handout::Handout(const Chapter& chapter, QPageSize::PageSizeId page) : title_(chapter.title) {
    // Made again with a table cut before a row that a page's end cut in two, its header over the
    // rest (a row of a sentence was split between two pages, the header between its halves).
    std::map<int, std::vector<int>> tableCuts;
    build(chapter, page, tableCuts);
    for (int tries = 0; tries < 64; ++tries) {
        const RowCut cut = firstRowCutByAPage(*doc_);
        if (cut.table < 0) {
            break;
        }
        addRowCut(tableCuts, cut);
        build(chapter, page, tableCuts);
    }
}

void Handout::build(const Chapter& chapter, QPageSize::PageSizeId page,
                    const std::map<int, std::vector<int>>& tableCuts) {
    doc_ = std::make_unique<QTextDocument>();
    pictures_.clear();
    const Theme paper = Theme::light();
    QFont body(QStringLiteral("DejaVu Serif"));
    body.setPointSizeF(10.5);
    doc_->setDefaultFont(body);
    // Layout in points on the page: figures are drawn at the text width, three times as sharp.
    // The bottom of the text area is kept for the footer.
    const QRectF text = handoutLayout(page).paintRect(QPageLayout::Point);
    size_ = text.size();
    doc_->setPageSize(QSizeF(text.width(), text.height() - kFooter));
    const qreal bodyPx = 14;
    doc_->setHtml(chapterHtml(chapter, paper, bodyPx, diagramLinks(), {}, tableCuts));
    useHandoutFamilies(*doc_);
    // Columns as the words need them ("Postgre SQL" and "Require ment" broke in equal columns):
    // on paper a table of five columns of long words fits with less padding and, as a
    // footnote's, type down to 0.7 of the text's.
    fitTables(doc_.get(), text.width() - 2 * doc_->documentMargin(),
              {.dataTablesOnly = true, .leastTypeScale = 0.7, .cellPadding = 4});
    std::vector<nlohmann::json> figures;
    for (const auto& s : chapter.sections) {
        for (const auto& b : s.blocks) {
            if (b.value("type", std::string()) == "figure") {
                figures.push_back(b);
            }
        }
    }
    // Figures as wide as the text, their letters never under 8 pt on paper, drawn three times
    // as sharp as a point.
    PagedFigures placed(
        *doc_, figures, paper,
        {.width = text.width() - 8, .bodyPx = bodyPx * 0.85, .leastText = 8, .dpr = 3});
    addDiagramPictures(*doc_, paper, pictures_);
    // Paginated as a book is; then a figure that left a page mostly empty fills it, and the
    // pages are made again; then a side box fills the room a figure or a card left on a page.
    for (keepTogether(*doc_); placed.fillAnEmptyRoom(); keepTogether(*doc_)) {
        releasePageBreaks(*doc_);
    }
    for (int moves = 0; moves < 20 && moveAnAsideIntoAnEmptyRoom(*doc_); ++moves) {
    }
    figures_ = placed.figures();
}

Handout::~Handout() = default;

int Handout::pageCount() const {
    return doc_->pageCount();
}

void Handout::paintPage(QPainter& p, int page) const {
    const Theme paper = Theme::light();
    fg::paintPage(p, *doc_, page, paper.text);
    // The footer: the chapter on the left, "Page N of M" on the right, under a thin rule.
    const QSizeF text = doc_->pageSize();
    const QRectF foot(0, text.height() + 10, text.width(), kFooter - 10);
    p.save();
    p.setPen(QPen(paper.line, 0.5));
    p.drawLine(QPointF(0, text.height() + 8), QPointF(text.width(), text.height() + 8));
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPixelSize(9);
    p.setFont(small);
    p.setPen(paper.mutedText);
    const QString number = footerText(page);
    const qreal numberWidth = QFontMetricsF(small).horizontalAdvance(number) + 12;
    p.drawText(foot.adjusted(0, 0, -numberWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(small).elidedText(title_, Qt::ElideRight, foot.width() - numberWidth));
    p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, number);
    p.restore();
}

QString Handout::footerText(int page) const {
    return HandoutWords::tr("Page %1 of %2").arg(page + 1).arg(pageCount());
}

Status exportHandoutPdf(const Chapter& chapter, const QString& path, QPageSize::PageSizeId page) {
    const Handout handout(chapter, page);
    return writePdfPages(path, handoutLayout(page), chapter.title, handout.pageCount(),
                         [&handout](QPainter& p, int i) { handout.paintPage(p, i); });
}

} // namespace fg
