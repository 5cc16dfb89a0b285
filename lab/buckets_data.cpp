// SKELETON (lab-buckets)
#include "lab/buckets_data.h"
