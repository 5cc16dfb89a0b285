// A chart styled for a theme draws every grid line alike: QCustomPlot's line at 0 kept its own
// light grey (200, 200, 200), bright on Dark beside the other lines, and read as a marker (tester
// 38: the Redis hash slots chart, the Redis Lab's charts).
#include "models/theme/theme.h"
#include "tests/suite_main.h"
#include "widgets/canvas/chart_style.h"

#include <QTest>
#include <qcustomplot.h>

class TestChartStyle : public QObject {
    Q_OBJECT
private slots:
    void theLineAtZeroIsAGridLineLikeTheOthers() {
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            QCustomPlot chart;
            fg::styleChart(&chart, theme);
            for (QCPAxis* axis : {chart.xAxis, chart.yAxis}) {
                QCOMPARE(axis->grid()->zeroLinePen(), axis->grid()->pen());
            }
        }
    }
};

FG_TEST_MAIN(TestChartStyle)
#include "test_chart_style.moc"
