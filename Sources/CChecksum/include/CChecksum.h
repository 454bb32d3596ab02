#ifndef CCHECKSUM_H
#define CCHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli, reflected) of `n` bytes at `data`, continuing from
/// `crc` (0 to start): with the SSE4.2 `crc32` instruction where the CPU has
/// it (checked once, at run time), else slicing-by-8 tables. Both give the
/// same value; "123456789" gives 0xE3069283.
uint32_t opsbench_crc32c(uint32_t crc, const void *data, size_t n);

/// The table-driven computation alone (the fallback), for tests.
uint32_t opsbench_crc32c_software(uint32_t crc, const void *data, size_t n);

/// Whether opsbench_crc32c uses the CPU's instruction on this machine.
int opsbench_crc32c_hardware(void);

#endif
