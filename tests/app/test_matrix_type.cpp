// The decision matrix in the app's style and the Projector's type, at every window width a
// classroom may have: the name of every need is whole, wrapped beside its tick box.
#include "app/app_theme.h"
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QStyleOptionViewItem>
#include <QTableWidget>
#include <QTest>

class TestMatrixType : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        fg::AppTheme theme;
        theme.apply(fg::ThemeChoice::Projector); // the app's style, the Projector's type
        course_ = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
    }

    // A teacher at 1024 px with the Projector's type: "ACID Transactions" and "Global
    // Distribution" were cut to "ACID ..." and "Global ...": their rows were sized for the text
    // across the whole cell, but it is drawn beside the tick box. At 800 px "Downsampling" was
    // wider than its cell and ran past its edge. Every need's name fits, wrapped, in the room
    // beside its box, from 700 px to 1700 px.
    void everyNeedIsWholeBesideItsBox() {
        std::vector<fg::ContentError> errors;
        fg::MatrixView view(fg::DecisionMatrix::load(QStringLiteral(":/content/tools/matrix.json"),
                                                     course_, errors));
        QVERIFY(errors.empty());
        for (int width = 700; width <= 1700; width += 20) {
            view.resize(width, 700);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QCoreApplication::processEvents();
            QTableWidget* t = view.table();
            for (int r = 0; r < t->rowCount(); ++r) {
                QStyleOptionViewItem opt;
                opt.initFrom(t->viewport());
                opt.rect = t->visualItemRect(t->item(r, 0));
                opt.font = t->font();
                opt.fontMetrics = QFontMetrics(t->font());
                opt.text = t->item(r, 0)->text();
                opt.features = QStyleOptionViewItem::HasDisplay |
                               QStyleOptionViewItem::HasCheckIndicator |
                               QStyleOptionViewItem::WrapText;
                opt.checkState = Qt::Unchecked;
                // The text is drawn from where the style puts it (after the box) to the cell's
                // right edge, within a margin on each side.
                const QRect text = t->style()->subElementRect(QStyle::SE_ItemViewItemText, &opt, t);
                const int margin =
                    t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, t) + 1;
                const int room = opt.rect.right() + 1 - text.left() - 2 * margin;
                const QRect needed = opt.fontMetrics.boundingRect(QRect(0, 0, room, 100000),
                                                                  Qt::TextWordWrap, opt.text);
                // And the row asks for that height itself (a row's least height of nearly two
                // lines hid it in some fonts, not in others).
                QStyleOptionViewItem asked;
                asked.initFrom(t->viewport());
                asked.rect = opt.rect;
                asked.widget = t;
                asked.font = t->font();
                asked.fontMetrics = QFontMetrics(t->font());
                asked.features = QStyleOptionViewItem::WrapText; // as the table asks

                const int hint =
                    t->itemDelegate()->sizeHint(asked, t->model()->index(r, 0)).height();
                QVERIFY2(needed.height() <= opt.rect.height() && needed.width() <= room &&
                             needed.height() <= hint,
                         qPrintable(QStringLiteral("%1 px: \"%2\" needs %3x%4 px beside its "
                                                   "box, has %5x%6, asks for %7")
                                        .arg(width)
                                        .arg(opt.text)
                                        .arg(needed.width())
                                        .arg(needed.height())
                                        .arg(room)
                                        .arg(opt.rect.height())
                                        .arg(hint)));
            }
        }
    }

private:
    fg::Course course_;
};

FG_TEST_MAIN(TestMatrixType)
#include "test_matrix_type.moc"
