#include "cli_entry.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char** argv) {
    if (const int status = fg::app::runCommandLine(argc, argv); status >= 0) {
        return status;
    }
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("fieldguide"));
    label.show();
    return app.exec();
}
