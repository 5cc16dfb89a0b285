// SKELETON (lab-kafka)
#include "lab/kafka_data.h"
