// runTimeline: how every engine's scenario runs: narrated, through a Timeline whose steps become
// the result's "steps" (with `stepJson`); or, in bulk mode, straight through a silent sink so a
// million ops run at full speed and "steps" is left out. Returns the final state.
#pragma once

#include "engines/core/timeline.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace fg {

template <class Engine, class StepJson>
typename Engine::State runTimeline(const Engine& engine, typename Engine::State initial,
                                   const std::vector<typename Engine::Op>& ops, bool narrate,
                                   StepJson&& stepJson, nlohmann::json& out) {
    if (!narrate) {
        SilentSink<typename Engine::Step, typename Engine::State> silent;
        for (const auto& op : ops) {
            engine.apply(initial, op, silent);
        }
        return initial;
    }
    const Timeline<Engine> t(engine, std::move(initial), ops);
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& st : t.steps()) {
        steps.push_back(stepJson(st));
    }
    out["steps"] = std::move(steps);
    return t.finalState();
}

} // namespace fg
