// SKELETON (lab-kafka): the Kafka lab: librdkafka's real producer and consumers against
// librdkafka's mock cluster (rdkafka_mock.h), beside the kafka engine.
#pragma once

namespace fg::lab {} // namespace fg::lab
