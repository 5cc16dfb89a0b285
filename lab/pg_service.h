// The PostgreSQL lab as the helper program serves it to the app's Lab > PostgreSQL index page:
// ops "pg.<op>", their arguments and results documented here (docs/lab-protocol.md lists them
// all).
// SKELETON: helper "lab-pg" documents and writes the ops.
#pragma once

#include "lab/lab_service.h"

#include <memory>

namespace fg::lab {

class PgService : public LabService {
public:
    PgService();
    ~PgService() override;
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace fg::lab
