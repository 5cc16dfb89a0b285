// SKELETON (lab-kafka): the Kafka lab's run as data and JSON (both ways), for the app (no client
// library here: this is in fieldguide_lab_data).
#pragma once

namespace fg::lab {} // namespace fg::lab
