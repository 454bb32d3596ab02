// The nearest-centre kernel of K-Means, compiled three times (SSE2, AVX2,
// AVX-512F) from one body and dispatched at run time.
//
// Rows are processed in tiles of TILE rows, transposed to feature-major so a
// register holds one feature of W consecutive rows. Register blocking: two
// registers of rows against four centres at a time, so each loaded column
// feeds eight multiply-adds. Scores are accumulated as norm + Σ (−2c_f)·x_f
// in feature order, without contraction to FMA, so every width rounds alike.
#include "CKMeans.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#pragma clang fp contract(off)

#define TILE 128

#define DEFINE_ASSIGN(NAME, TARGET, W)                                                                           \
    typedef double NAME##_v __attribute__((vector_size(8 * (W)), aligned(8)));                                 \
    typedef int64_t NAME##_i __attribute__((vector_size(8 * (W)), aligned(8)));                                \
    TARGET static void NAME##_tile(                                                                             \
        const double *restrict cols, int64_t rows, int64_t d, const double *restrict ct,                      \
        const double *restrict norms, int64_t k, int32_t *restrict best) {                                      \
        for (int64_t r = 0; r < rows; r += 2 * (W)) {                                                          \
            NAME##_v bestA, bestB;                                                                              \
            NAME##_i idxA = {0}, idxB = {0};                                                                    \
            for (int l = 0; l < (W); l++) { bestA[l] = __builtin_inf(); bestB[l] = __builtin_inf(); }        \
            int64_t j = 0;                                                                                      \
            for (; j + 4 <= k; j += 4) {                                                                        \
                NAME##_v a0, a1, a2, a3, b0, b1, b2, b3;                                                        \
                for (int l = 0; l < (W); l++) {                                                                 \
                    a0[l] = b0[l] = norms[j]; a1[l] = b1[l] = norms[j + 1];                                     \
                    a2[l] = b2[l] = norms[j + 2]; a3[l] = b3[l] = norms[j + 3];                                 \
                }                                                                                               \
                const double *w = ct + j;                                                                       \
                const double *c = cols + r;                                                                     \
                for (int64_t f = 0; f < d; f++, w += k, c += TILE) {                                           \
                    NAME##_v xa, xb;                                                                            \
                    memcpy(&xa, c, sizeof xa);                                                                  \
                    memcpy(&xb, c + (W), sizeof xb);                                                            \
                    a0 = a0 + w[0] * xa; b0 = b0 + w[0] * xb;                                                   \
                    a1 = a1 + w[1] * xa; b1 = b1 + w[1] * xb;                                                   \
                    a2 = a2 + w[2] * xa; b2 = b2 + w[2] * xb;                                                   \
                    a3 = a3 + w[3] * xa; b3 = b3 + w[3] * xb;                                                   \
                }                                                                                               \
                NAME##_KEEP(a0, b0, j) NAME##_KEEP(a1, b1, j + 1) NAME##_KEEP(a2, b2, j + 2)                   \
                NAME##_KEEP(a3, b3, j + 3)                                                                      \
            }                                                                                                   \
            for (; j < k; j++) {                                                                                \
                NAME##_v a0, b0;                                                                                \
                for (int l = 0; l < (W); l++) a0[l] = b0[l] = norms[j];                                        \
                const double *w = ct + j;                                                                       \
                const double *c = cols + r;                                                                     \
                for (int64_t f = 0; f < d; f++, w += k, c += TILE) {                                           \
                    NAME##_v xa, xb;                                                                            \
                    memcpy(&xa, c, sizeof xa);                                                                  \
                    memcpy(&xb, c + (W), sizeof xb);                                                            \
                    a0 = a0 + w[0] * xa; b0 = b0 + w[0] * xb;                                                   \
                }                                                                                               \
                NAME##_KEEP(a0, b0, j)                                                                          \
            }                                                                                                   \
            for (int l = 0; l < (W); l++) {                                                                     \
                best[r + l] = (int32_t)idxA[l];                                                                 \
                best[r + (W) + l] = (int32_t)idxB[l];                                                           \
            }                                                                                                   \
        }                                                                                                       \
    }                                                                                                           \
    TARGET static int64_t NAME(                                                                                 \
        const double *restrict x, int64_t begin, int64_t end, int64_t d, const double *restrict ct,           \
        const double *restrict norms, int64_t k, int32_t *restrict labels, double *restrict sums,             \
        double *restrict counts, double *restrict cols, int32_t *restrict best) {                              \
        int64_t changed = 0;                                                                                    \
        for (int64_t start = begin; start < end; start += TILE) {                                              \
            int64_t count = end - start < TILE ? end - start : TILE;                                           \
            int64_t padded = (count + 2 * (W) - 1) / (2 * (W)) * (2 * (W));                                     \
            for (int64_t r = 0; r < count; r++)                                                                 \
                for (int64_t f = 0; f < d; f++) cols[f * TILE + r] = x[(start + r) * d + f];                   \
            for (int64_t r = count; r < padded; r++)                                                            \
                for (int64_t f = 0; f < d; f++) cols[f * TILE + r] = 0;                                         \
            NAME##_tile(cols, padded, d, ct, norms, k, best);                                                   \
            for (int64_t r = 0; r < count; r++) {                                                               \
                int64_t i = start + r;                                                                          \
                int32_t label = best[r];                                                                        \
                changed += labels[i] != label;                                                                  \
                labels[i] = label;                                                                              \
                if (sums) {                                                                                     \
                    const double *row = x + i * d;                                                              \
                    double *sum = sums + (int64_t)label * d;                                                    \
                    for (int64_t f = 0; f < d; f++) sum[f] += row[f];                                           \
                    counts[label] += 1;                                                                         \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
        return changed;                                                                                         \
    }

// Keeps, lane by lane, the first centre with the lowest score (strict <).
#define KEEP_BODY(V, I, A, B, J)                                                                                \
    {                                                                                                           \
        I ma = (I)(A < bestA), mb = (I)(B < bestB);                                                             \
        bestA = (V)(((I)A & ma) | ((I)bestA & ~ma));                                                            \
        bestB = (V)(((I)B & mb) | ((I)bestB & ~mb));                                                            \
        idxA = ((int64_t)(J) & ma) | (idxA & ~ma);                                                              \
        idxB = ((int64_t)(J) & mb) | (idxB & ~mb);                                                              \
    }
#define sse2_KEEP(A, B, J) KEEP_BODY(sse2_v, sse2_i, A, B, J)
#define avx2_KEEP(A, B, J) KEEP_BODY(avx2_v, avx2_i, A, B, J)
#define avx512_KEEP(A, B, J) KEEP_BODY(avx512_v, avx512_i, A, B, J)

DEFINE_ASSIGN(sse2, , 2)
#if defined(__x86_64__)
DEFINE_ASSIGN(avx2, __attribute__((target("avx2"))), 4)
DEFINE_ASSIGN(avx512, __attribute__((target("avx512f"))), 8)

static int widest(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 8;
    if (__builtin_cpu_supports("avx2")) return 4;
    return 2;
}
#else
static int widest(void) { return 2; }
#endif

static _Atomic int limit = 0;

int ckm_vector_width(void) {
    int machine = widest(), cap = atomic_load_explicit(&limit, memory_order_relaxed);
    return cap == 2 || (cap == 4 && machine >= 4) ? cap : machine;
}

void ckm_limit_width(int width) { atomic_store_explicit(&limit, width, memory_order_relaxed); }

int64_t ckm_assign(
    const double *x, int64_t begin, int64_t end, int64_t d, const double *ct, const double *norms, int64_t k,
    int32_t *labels, double *sums, double *counts) {
    double *cols = malloc(sizeof(double) * TILE * (size_t)(d > 0 ? d : 1));
    int32_t best[TILE];
    if (!cols) return -1;
    int64_t changed;
    switch (ckm_vector_width()) {
#if defined(__x86_64__)
    case 8: changed = avx512(x, begin, end, d, ct, norms, k, labels, sums, counts, cols, best); break;
    case 4: changed = avx2(x, begin, end, d, ct, norms, k, labels, sums, counts, cols, best); break;
#endif
    default: changed = sse2(x, begin, end, d, ct, norms, k, labels, sums, counts, cols, best); break;
    }
    free(cols);
    return changed;
}
