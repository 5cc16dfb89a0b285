#include "app/diagram_tabs.h"

#include "widgets/diagrams/btree_view.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/downsample_view.h"
#include "widgets/diagrams/hashslot_view.h"
#include "widgets/diagrams/kafka_view.h"
#include "widgets/diagrams/lsm_view.h"

#include <QStringList>

namespace fg {

bool diagramAvailable(const QString& id) {
    static const QStringList ids = {QStringLiteral("btree"),      QStringLiteral("lsm"),
                                    QStringLiteral("hashslot"),   QStringLiteral("kafka"),
                                    QStringLiteral("downsample"), QStringLiteral("btree-vs-lsm")};
    return ids.contains(id);
}

QWidget* createDiagramView(const QString& id, const Theme& theme, QWidget* parent) {
    if (id == QLatin1String("btree")) {
        auto* v = new BTreeView(parent);
        v->setTheme(theme);
        return v;
    }
    if (id == QLatin1String("btree-vs-lsm")) {
        auto* v = new BTreeVsLsmView(parent);
        v->setTheme(theme);
        return v;
    }
    if (id == QLatin1String("downsample")) {
        auto* v = new DownsampleView(parent);
        v->setTheme(theme);
        return v;
    }
    if (id == QLatin1String("lsm")) {
        auto* v = new LsmView(parent);
        v->setTheme(theme);
        return v;
    }
    if (id == QLatin1String("kafka")) {
        auto* v = new KafkaView(parent);
        v->setTheme(theme);
        return v;
    }
    if (id == QLatin1String("hashslot")) {
        auto* v = new HashslotView(parent);
        v->setTheme(theme);
        return v;
    }
    return nullptr;
}

void applyDiagramTheme(QWidget* view, const Theme& theme) {
    if (auto* d = qobject_cast<DiagramView*>(view)) {
        d->setTheme(theme);
    } else if (auto* bl = qobject_cast<BTreeVsLsmView*>(view)) {
        bl->setTheme(theme);
    }
}

} // namespace fg
