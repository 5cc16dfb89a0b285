// SKELETON (lab-buckets): the Buckets lab as the helper program serves it ("buckets.*"), like
// LsmService.
#pragma once

#include "lab/lab_service.h"

namespace fg::lab {

class BucketsService : public LabService {
public:
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override {}
};

} // namespace fg::lab
