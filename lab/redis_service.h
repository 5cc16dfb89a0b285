// The Redis Cluster lab as the helper program serves it to the app's Lab > Redis Cluster page:
// ops "redis.<op>", their arguments and results documented here (docs/lab-protocol.md lists them
// all).
// SKELETON: helper "lab-redis" documents and writes the ops.
#pragma once

#include "lab/lab_service.h"

#include <memory>

namespace fg::lab {

class RedisService : public LabService {
public:
    RedisService();
    ~RedisService() override;
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace fg::lab
