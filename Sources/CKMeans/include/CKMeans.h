#ifndef CKMEANS_H
#define CKMEANS_H

#include <stdint.h>

/// The vector width (doubles per register) ckm_assign uses on this machine:
/// 8 with AVX-512F, 4 with AVX2, else 2 (SSE2). Chosen once, at run time.
int ckm_vector_width(void);

/// Restricts ckm_assign to at most `width` doubles per register (2, 4 or 8;
/// anything else restores the machine's widest): for tests and benchmarks
/// that show every width gives the same labels.
void ckm_limit_width(int width);

/// One Lloyd assignment pass over rows [begin, end) of x (row-major, d wide).
///
/// `ct` is d × k holding −2·c (centres transposed), `norms` the k values ‖c‖²:
/// each row's label is the centre minimising ‖c‖² − 2·x·c, the first on ties.
/// Every width computes each score with the same operations in the same order
/// (no fused multiply-add), so labels are identical on every machine.
/// Returns -1 when scratch memory cannot be had.
/// When `sums` (k × d) and `counts` (k) are given, each row is added to its
/// centre's. Returns the number of rows whose label changed.
int64_t ckm_assign(
    const double *x, int64_t begin, int64_t end, int64_t d, const double *ct, const double *norms, int64_t k,
    int32_t *labels, double *sums, double *counts);

/// One pass of Hamerly's accelerated Lloyd assignment over rows [begin, end).
///
/// `centers` is k × d and `ct` the same transposed (d × k); `half_gap[j]` is
/// half the distance from centre j to its nearest other centre; `shift[j]` how
/// far centre j moved since the bounds were set, `max_shift` and
/// `second_shift` the largest and second largest shifts, `max_index` whose.
/// `upper[i]` bounds the distance of row i to its centre from above,
/// `lower[i]` the distance to any other centre from below; with `fresh` set
/// they are computed from scratch. A row whose bounds prove its centre is
/// still the nearest is skipped without computing distances; the others get
/// exact Euclidean distances (differences squared, summed in feature order,
/// no fused multiply-add: the same at every vector width). Rows are added to
/// `sums`/`counts` of their centre. Returns the rows whose label changed, or -1
/// when scratch memory cannot be had.
int64_t ckm_hamerly(
    const double *x, int64_t begin, int64_t end, int64_t d, const double *centers, const double *ct, int64_t k,
    const double *half_gap, const double *shift, double max_shift, double second_shift, int64_t max_index,
    int32_t *labels, double *upper, double *lower, int fresh, double *sums, double *counts);

#endif
