#include "widgets/simulators/simulators.h"

#include "widgets/simulators/cache_view.h"
#include "widgets/simulators/lifecycle_view.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/storage_view.h"

#include <QCoreApplication>

namespace fg {

namespace {

template <class View>
std::function<SimulatorView*(QWidget*)> make() {
    return [](QWidget* parent) -> SimulatorView* { return new View(parent); };
}

} // namespace

QString SimulatorInfo::title() const {
    return QCoreApplication::translate("fg::Simulators", titleSource);
}

QString SimulatorInfo::tabName() const {
    return QCoreApplication::translate("fg::Simulators", tabNameSource);
}

const std::vector<SimulatorInfo>& simulators() {
    static const std::vector<SimulatorInfo> list{
        {QStringLiteral("quorum"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Quorums: when does a read see the last write?"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Quorums"), make<QuorumView>()},
        {QStringLiteral("cache"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Cache patterns: hits, stale reads, database writes"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Cache patterns"), make<CacheView>()},
        {QStringLiteral("row-column"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Row or column storage: pages a query reads"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Row or column"), make<StorageView>()},
        {QStringLiteral("lifecycle"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Object storage: what a lifecycle rule saves"),
         QT_TRANSLATE_NOOP("fg::Simulators", "Lifecycle rule"), make<LifecycleView>()},
    };
    return list;
}

QWidget* createSimulatorView(const QString& id, const Theme& theme, QWidget* parent) {
    for (const auto& sim : simulators()) {
        if (sim.id == id) {
            SimulatorView* view = sim.make(parent);
            view->setTheme(theme);
            return view;
        }
    }
    return nullptr;
}

} // namespace fg
