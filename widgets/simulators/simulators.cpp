#include "widgets/simulators/simulators.h"

#include "widgets/simulators/cache_view.h"
#include "widgets/simulators/lifecycle_view.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/storage_view.h"

#include <QCoreApplication>

namespace fg {

const std::vector<SimulatorInfo>& simulators() {
    static const std::vector<SimulatorInfo> list{
        {QStringLiteral("quorum"),
         QCoreApplication::translate("fg::Simulators",
                                     "Quorums: when does a read see the last write?")},
        {QStringLiteral("cache"),
         QCoreApplication::translate("fg::Simulators",
                                     "Cache patterns: hits, stale reads, database writes")},
        {QStringLiteral("row-column"),
         QCoreApplication::translate("fg::Simulators",
                                     "Row or column storage: pages a query reads")},
        {QStringLiteral("lifecycle"),
         QCoreApplication::translate("fg::Simulators",
                                     "Object storage: what a lifecycle rule saves")},
    };
    return list;
}

QWidget* createSimulatorView(const QString& id, const Theme& theme, QWidget* parent) {
    SimulatorView* view = nullptr;
    if (id == QLatin1String("quorum")) {
        view = new QuorumView(parent);
    }
    if (id == QLatin1String("cache")) {
        view = new CacheView(parent);
    }
    if (id == QLatin1String("row-column")) {
        view = new StorageView(parent);
    }
    if (id == QLatin1String("lifecycle")) {
        view = new LifecycleView(parent);
    }
    if (view) {
        view->setTheme(theme);
    }
    return view;
}

} // namespace fg

namespace fg {

void applySimulatorTheme(QWidget* view, const Theme& theme) {
    if (auto* q = qobject_cast<QuorumView*>(view)) {
        q->setTheme(theme);
    } else if (auto* c = qobject_cast<CacheView*>(view)) {
        c->setTheme(theme);
    } else if (auto* s = qobject_cast<StorageView*>(view)) {
        s->setTheme(theme);
    } else if (auto* l = qobject_cast<LifecycleView*>(view)) {
        l->setTheme(theme);
    }
}

} // namespace fg
