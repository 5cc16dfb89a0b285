// Esc is Cancel while an animation is being written (File > Export animation): pressed in the
// progress window or in the export dialog, the export stops, no file is left, and the dialog
// stays open as it was. Before, Esc only hid the progress window and the export went on.
#include "app/export_actions.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/page.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/export/animation_dialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProgressDialog>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

namespace {

template <typename T>
T* visibleTopLevel() {
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* t = qobject_cast<T*>(w); t && t->isVisible()) {
            return t;
        }
    }
    return nullptr;
}

} // namespace

class TestExportEscape : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("export-escape");
        QSettings().clear();
    }

    void escapeCancelsARunningExport_data() {
        QTest::addColumn<bool>("inProgressWindow");
        QTest::newRow("Esc in the progress window") << true;
        QTest::newRow("Esc in the export dialog") << false;
    }
    void escapeCancelsARunningExport() {
        QFETCH(bool, inProgressWindow);
        QTemporaryDir dir;
        const QString gif = dir.filePath(QStringLiteral("btree.gif"));
        QWidget window;
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        std::unique_ptr<QWidget> page(
            fg::createDiagramPage(QStringLiteral("btree"), fg::Theme::light(), nullptr));
        QVERIFY(page);
        const auto what = fg::pageOf(page.get())->exportable();
        QVERIFY(what && what->source && what->source->stepCount() > 3);

        bool escaped = false, stayedOpen = false;
        QString error;
        QElapsedTimer clock;
        qint64 escapedAt = -1, stoppedAt = -1;
        QTimer::singleShot(0, [&] {
            auto* dialog = visibleTopLevel<fg::AnimationDialog>();
            QVERIFY(dialog);
            dialog->setPath(gif);
            dialog->setGif(true);
            dialog->setStepRange(1, what->source->stepCount());
            for (QSpinBox* box : dialog->findChildren<QSpinBox*>()) {
                if (box->maximum() >= 1920 && box->minimum() >= 16) {
                    box->setValue(box->maximum()); // the width: a long export
                }
            }
            // Esc as soon as the progress window shows.
            auto* poll = new QTimer(dialog);
            connect(poll, &QTimer::timeout, [&, poll, dialog] {
                auto* progress = visibleTopLevel<QProgressDialog>();
                if (!progress || escaped) {
                    return;
                }
                escaped = true;
                escapedAt = clock.elapsed();
                QTest::keyClick(inProgressWindow ? static_cast<QWidget*>(progress) : dialog,
                                Qt::Key_Escape);
                poll->stop();
            });
            poll->start(20);
            clock.start();
            dialog->accept(); // Export: writes while the dialog is open
            stoppedAt = clock.elapsed();
            stayedOpen = dialog->isVisible();
            error = dialog->error();
            dialog->reject(); // now Esc closes it
        });
        fg::exportAnimationInteractive(&window, *what, fg::Theme::light());
        QVERIFY2(escaped, "the progress window never showed: the export was too short");
        QVERIFY2(!QFileInfo::exists(gif), "the export went on after Esc and wrote the file");
        QVERIFY(stayedOpen);
        // Not a problem: the dialog says it stopped and left nothing (a tester's cancel said
        // nothing at all, and they could not tell whether a partial file was left).
        QVERIFY2(error == QStringLiteral("Export cancelled: nothing was written."),
                 qPrintable(error));
        QVERIFY2(stoppedAt - escapedAt < 2000,
                 qPrintable(QStringLiteral("stopped %1 ms after Esc").arg(stoppedAt - escapedAt)));
    }
};

FG_TEST_MAIN(TestExportEscape)
#include "test_export_escape.moc"
