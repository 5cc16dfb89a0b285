// SKELETON (lab-buckets)
#include "lab/buckets_lab.h"

#include <rrd.h>
