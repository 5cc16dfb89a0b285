#include "simulators/simulators.h"

#include "simulators/quorum_view.h"

#include <QCoreApplication>

namespace fg {

const std::vector<SimulatorInfo>& simulators() {
    static const std::vector<SimulatorInfo> list{
        {QStringLiteral("quorum"),
         QCoreApplication::translate("fg::Simulators",
                                     "Quorums: when does a read see the last write?")},
    };
    return list;
}

QWidget* createSimulatorView(const QString& id, const Theme& theme, QWidget* parent) {
    SimulatorView* view = nullptr;
    if (id == QLatin1String("quorum")) {
        view = new QuorumView(parent);
    }
    if (view) {
        view->setTheme(theme);
    }
    return view;
}

} // namespace fg
