// SKELETON (lab-kafka)
#include "lab/kafka_lab.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
