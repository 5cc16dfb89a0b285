// Paged text (slides and handouts, widgets/export/paged_text.h): keepTogether keeps a box with the
// short paragraph before it, the line it comments on or that leads into it, and leaves a longer
// paragraph and a picture where they are.
#include "tests/suite_main.h"
#include "widgets/export/paged_text.h"

#include <QImage>
#include <QTest>
#include <QTextDocument>
#include <QTextFrame>
#include <cmath>

namespace {

constexpr qreal kPageHeight = 400;

// `fillers` paragraphs of text, then `lead` (the paragraph before the box), then a box: a note as
// the chapters write one, a two-cell table with a coloured bar.
QString page(int fillers, const QString& lead) {
    QString h;
    for (int i = 0; i < fillers; ++i) {
        h += QStringLiteral("<p>Filler paragraph %1.</p>").arg(i);
    }
    return h + lead +
           QStringLiteral("<table width=\"99%\" cellpadding=\"10\"><tr><td width=\"6\" "
                          "style=\"background-color:#c80\"></td><td>Note: WAIT is not a guarantee. "
                          "It says how many replicas had the write when it answered, "
                          "nothing more.</td></tr></table>");
}

int pageOf(const QTextDocument& doc, qreal y) {
    return static_cast<int>(std::floor(y / doc.pageSize().height()));
}

struct Placed {
    int above = -1; // what is above the lead paragraph
    int leadFirst = -1, leadLast = -1, box = -1;
};

// Where the lead paragraph (the last before the box) and the box are, by page.
Placed placed(QTextDocument& doc) {
    doc.pageCount();
    const std::vector<fg::Flow> flow = fg::flowOf(doc);
    Placed p;
    for (std::size_t i = 1; i < flow.size(); ++i) {
        if (flow[i].frame) {
            p.leadFirst = pageOf(doc, flow[i - 1].rect.top());
            p.leadLast = pageOf(doc, flow[i - 1].rect.bottom() - 1);
            p.box = pageOf(doc, flow[i].rect.top());
            p.above = i > 1 ? pageOf(doc, flow[i - 2].rect.top()) : -1;
            break;
        }
    }
    return p;
}

// A document whose lead paragraph ends page 1 and whose box starts page 2, as laid out before
// keepTogether (the first number of fillers that does it); false when none does.
bool setUpLeadAtAPagesFoot(QTextDocument& doc, const QString& lead) {
    for (int fillers = 1; fillers < 60; ++fillers) {
        doc.setHtml(page(fillers, lead));
        doc.setPageSize(QSizeF(420, kPageHeight));
        const Placed p = placed(doc);
        if (p.leadFirst == 0 && p.leadLast == 0 && p.box == 1) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestPagedText : public QObject {
    Q_OBJECT

private slots:
    void aBoxAtAPagesTopTakesTheShortParagraphBeforeIt() {
        QTextDocument doc;
        QVERIFY(
            setUpLeadAtAPagesFoot(doc, QStringLiteral("<p>For durability: use WAIT command</p>")));
        fg::keepTogether(doc);
        const Placed p = placed(doc);
        QCOMPARE(p.box, 1);
        QCOMPARE(p.leadFirst, 1); // the line the note is about, with it
    }

    // Under a heading: the three go together (the heading was left alone at a page's foot, or
    // alone on a page of its own when the paragraph kept a break of its own).
    void theHeadingOverTheParagraphGoesWithThem() {
        QTextDocument doc;
        QVERIFY(setUpLeadAtAPagesFoot(
            doc, QStringLiteral("<h3>2. Write-through</h3><p>\u2192 App writes to both</p>")));
        QCOMPARE(placed(doc).above, 0);
        fg::keepTogether(doc);
        const Placed p = placed(doc);
        QCOMPARE(p.box, 1);
        QCOMPARE(p.leadFirst, 1);
        QCOMPARE(p.above, 1);
    }

    void aLongParagraphOrAPictureStaysWhereItIs() {
        QString longLead = QStringLiteral("<p>");
        for (int i = 0; i < 40; ++i) {
            longLead += QStringLiteral("a paragraph of many lines ");
        }
        longLead += QStringLiteral("</p>");
        QImage picture(300, 40, QImage::Format_RGB32);
        picture.fill(Qt::gray);
        for (const QString& lead :
             {longLead, QStringLiteral("<p align=\"center\"><img src=\"pic:1\"></p>")}) {
            QTextDocument doc;
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("pic:1")), picture);
            QVERIFY(setUpLeadAtAPagesFoot(doc, lead));
            fg::keepTogether(doc);
            const Placed p = placed(doc);
            QCOMPARE(p.box, 1);
            QCOMPARE(p.leadFirst, 0);
        }
    }
};

FG_TEST_MAIN(TestPagedText)
#include "test_paged_text.moc"
