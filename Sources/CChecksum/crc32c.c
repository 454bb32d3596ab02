// CRC-32C over contiguous buffers: the SSE4.2 instruction eight bytes at a
// time when the CPU has it, else slicing-by-8 over eight 256-entry tables.
#include "CChecksum.h"

#include <string.h>

#define POLY 0x82F63B78u

/// tables[k][b]: the CRC of byte b followed by k zero bytes.
static uint32_t tables[8][256];
static int tables_ready;

static void make_tables(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int b = 0; b < 8; b++) c = (c & 1) ? (c >> 1) ^ POLY : c >> 1;
        tables[0][i] = c;
    }
    for (int k = 1; k < 8; k++)
        for (int i = 0; i < 256; i++) tables[k][i] = (tables[k - 1][i] >> 8) ^ tables[0][tables[k - 1][i] & 0xFF];
    __atomic_store_n(&tables_ready, 1, __ATOMIC_RELEASE);
}

uint32_t opsbench_crc32c_software(uint32_t crc, const void *data, size_t n) {
    // Racing first calls compute the same tables: harmless.
    if (!__atomic_load_n(&tables_ready, __ATOMIC_ACQUIRE)) make_tables();
    const unsigned char *p = data;
    uint32_t c = ~crc;
    while (n >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        uint32_t lo = (uint32_t)word ^ c, hi = (uint32_t)(word >> 32);
        c = tables[7][lo & 0xFF] ^ tables[6][(lo >> 8) & 0xFF] ^ tables[5][(lo >> 16) & 0xFF] ^ tables[4][lo >> 24]
            ^ tables[3][hi & 0xFF] ^ tables[2][(hi >> 8) & 0xFF] ^ tables[1][(hi >> 16) & 0xFF] ^ tables[0][hi >> 24];
        p += 8;
        n -= 8;
    }
    while (n-- > 0) c = tables[0][(c ^ *p++) & 0xFF] ^ (c >> 8);
    return ~c;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint32_t crc32c_sse42(uint32_t crc, const void *data, size_t n) {
    const unsigned char *p = data;
    uint64_t c = ~crc;
    while (n >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = __builtin_ia32_crc32di(c, word);
        p += 8;
        n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n-- > 0) c32 = __builtin_ia32_crc32qi(c32, *p++);
    return ~c32;
}

int opsbench_crc32c_hardware(void) {
    static int known = -1;
    int has = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (has < 0) {
        __builtin_cpu_init();
        has = __builtin_cpu_supports("sse4.2") ? 1 : 0;
        __atomic_store_n(&known, has, __ATOMIC_RELAXED);
    }
    return has;
}

uint32_t opsbench_crc32c(uint32_t crc, const void *data, size_t n) {
    return opsbench_crc32c_hardware() ? crc32c_sse42(crc, data, n) : opsbench_crc32c_software(crc, data, n);
}
#else
int opsbench_crc32c_hardware(void) { return 0; }

uint32_t opsbench_crc32c(uint32_t crc, const void *data, size_t n) { return opsbench_crc32c_software(crc, data, n); }
#endif
