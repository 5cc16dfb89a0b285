// SKELETON (lab-kafka): the Kafka lab as the helper program serves it ("kafka.*"), like LsmService.
#pragma once

#include "lab/lab_service.h"

namespace fg::lab {

class KafkaService : public LabService {
public:
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override {}
};

} // namespace fg::lab
