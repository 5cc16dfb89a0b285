// SKELETON (lab-buckets): the time-buckets lab: the downsample scenario's points rolled up by
// PostgreSQL's date_bin (the private server of the PostgreSQL lab) and by RRDtool (librrd).
#pragma once

namespace fg::lab {} // namespace fg::lab
