// What a figure's graph nodes say of themselves, for trees (figure_graph.cpp) and flows
// (figure_flow.cpp): their colour tone and their shape.
#pragma once

#include "widgets/figure/figure_scene.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace fg::figure_nodes {

inline QString toneOf(const nlohmann::json& n) {
    return n.contains("tone") && n["tone"].is_string()
               ? QString::fromStdString(n["tone"].get<std::string>())
               : QString();
}

inline FigureScene::Shape shapeOf(const nlohmann::json& n) {
    const std::string s = n.value("shape", std::string("box"));
    if (s == "decision") {
        return FigureScene::Shape::Decision;
    }
    if (s == "store") {
        return FigureScene::Shape::Store;
    }
    if (s == "actor") {
        return FigureScene::Shape::Pill;
    }
    return FigureScene::Shape::Rounded;
}

} // namespace fg::figure_nodes
