// Hamerly's bounds for K-Means with many centres (G. Hamerly, "Making k-means
// even faster", SDM 2010): one upper bound per row on the distance to its
// centre and one lower bound on the distance to every other centre. Compiled
// for SSE2, AVX2 and AVX-512F from one body; the full-distance loop runs over
// centres, so it vectorises without reordering any sum.
#include "CKMeans.h"

#include <math.h>
#include <stdlib.h>

#pragma clang fp contract(off)

static inline __attribute__((always_inline)) int64_t hamerly_body(
    const double *restrict x, int64_t begin, int64_t end, int64_t d, const double *restrict centers,
    const double *restrict ct, int64_t k, const double *restrict half_gap, const double *restrict shift,
    double max_shift, double second_shift, int64_t max_index, int32_t *restrict labels, double *restrict upper,
    double *restrict lower, int fresh, double *restrict sums, double *restrict counts, double *restrict acc) {
    int64_t changed = 0;
    for (int64_t i = begin; i < end; i++) {
        const double *restrict row = x + i * d;
        int32_t a = labels[i];
        double u = 0, l = 0;
        int full = fresh || a < 0;
        if (!full) {
            u = upper[i] + shift[a];
            l = lower[i] - (a == max_index ? second_shift : max_shift);
            double m = half_gap[a] > l ? half_gap[a] : l;
            if (u > m) {
                const double *restrict c = centers + (int64_t)a * d;
                double s = 0;
                for (int64_t f = 0; f < d; f++) {
                    double t = row[f] - c[f];
                    s += t * t;
                }
                u = sqrt(s);
                full = u > m;
            }
        }
        if (full) {
            for (int64_t j = 0; j < k; j++) acc[j] = 0;
            for (int64_t f = 0; f < d; f++) {
                const double xf = row[f];
                const double *restrict cf = ct + f * k;
                for (int64_t j = 0; j < k; j++) {
                    double t = xf - cf[j];
                    acc[j] += t * t;
                }
            }
            int32_t best = 0;
            double d1 = INFINITY, d2 = INFINITY;
            for (int64_t j = 0; j < k; j++) {
                double s = acc[j];
                if (s < d1) {
                    d2 = d1;
                    d1 = s;
                    best = (int32_t)j;
                } else if (s < d2) {
                    d2 = s;
                }
            }
            changed += best != a;
            a = best;
            u = sqrt(d1);
            l = sqrt(d2);
        }
        labels[i] = a;
        upper[i] = u;
        lower[i] = l;
        if (sums) {
            double *restrict sum = sums + (int64_t)a * d;
            for (int64_t f = 0; f < d; f++) sum[f] += row[f];
            counts[a] += 1;
        }
    }
    return changed;
}

#define HAMERLY_ARGS                                                                                              \
    const double *x, int64_t begin, int64_t end, int64_t d, const double *centers, const double *ct, int64_t k, \
        const double *half_gap, const double *shift, double max_shift, double second_shift, int64_t max_index,   \
        int32_t *labels, double *upper, double *lower, int fresh, double *sums, double *counts, double *acc
#define HAMERLY_CALL                                                                                              \
    hamerly_body(x, begin, end, d, centers, ct, k, half_gap, shift, max_shift, second_shift, max_index, labels,  \
        upper, lower, fresh, sums, counts, acc)

static int64_t hamerly_sse2(HAMERLY_ARGS) { return HAMERLY_CALL; }
#if defined(__x86_64__)
__attribute__((target("avx2"))) static int64_t hamerly_avx2(HAMERLY_ARGS) { return HAMERLY_CALL; }
__attribute__((target("avx512f"))) static int64_t hamerly_avx512(HAMERLY_ARGS) { return HAMERLY_CALL; }
#endif

int64_t ckm_hamerly(
    const double *x, int64_t begin, int64_t end, int64_t d, const double *centers, const double *ct, int64_t k,
    const double *half_gap, const double *shift, double max_shift, double second_shift, int64_t max_index,
    int32_t *labels, double *upper, double *lower, int fresh, double *sums, double *counts) {
    double *acc = malloc(sizeof(double) * (size_t)(k > 0 ? k : 1));
    if (!acc) return -1;
    int64_t changed;
    switch (ckm_vector_width()) {
#if defined(__x86_64__)
    case 8: changed = hamerly_avx512(x, begin, end, d, centers, ct, k, half_gap, shift, max_shift, second_shift,
                max_index, labels, upper, lower, fresh, sums, counts, acc); break;
    case 4: changed = hamerly_avx2(x, begin, end, d, centers, ct, k, half_gap, shift, max_shift, second_shift,
                max_index, labels, upper, lower, fresh, sums, counts, acc); break;
#endif
    default: changed = hamerly_sse2(x, begin, end, d, centers, ct, k, half_gap, shift, max_shift, second_shift,
                max_index, labels, upper, lower, fresh, sums, counts, acc); break;
    }
    free(acc);
    return changed;
}
