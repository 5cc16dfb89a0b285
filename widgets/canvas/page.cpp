#include "widgets/canvas/page.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QSpinBox>
#include <QWidget>
#include <limits>
#include <nlohmann/json.hpp>

namespace fg {

nlohmann::json Page::keptSettings() const {
    return nullptr;
}

void Page::restoreSettings(const nlohmann::json& kept) {
    (void)kept;
}

std::optional<std::int64_t> keptWhole(const nlohmann::json& v, std::int64_t lo, std::int64_t hi) {
    if (!v.is_number_integer() ||
        (v.is_number_unsigned() &&
         v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))) {
        return std::nullopt;
    }
    const auto n = v.get<std::int64_t>();
    return n < lo || n > hi ? std::nullopt : std::optional<std::int64_t>(n);
}

namespace {

std::optional<int> keptInt(const nlohmann::json& kept, const char* name, int lo, int hi) {
    if (!kept.is_object() || !kept.contains(name)) {
        return std::nullopt;
    }
    const auto v = keptWhole(kept[name], lo, hi);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

} // namespace

void restoreValue(const nlohmann::json& kept, const char* name, QSpinBox* box) {
    if (const auto v = keptInt(kept, name, box->minimum(), box->maximum())) {
        box->setValue(*v);
    }
}

void restoreIndex(const nlohmann::json& kept, const char* name, QComboBox* box) {
    if (const auto v = keptInt(kept, name, 0, box->count() - 1)) {
        box->setCurrentIndex(*v);
    }
}

void restoreChecked(const nlohmann::json& kept, const char* name, QAbstractButton* box) {
    if (kept.is_object() && kept.contains(name) && kept[name].is_boolean()) {
        box->setChecked(kept[name].get<bool>());
    }
}

Page* pageOf(QWidget* widget) {
    return dynamic_cast<Page*>(widget);
}

} // namespace fg
