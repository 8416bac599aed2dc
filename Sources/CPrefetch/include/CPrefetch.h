#ifndef TANDEM_CPREFETCH_H
#define TANDEM_CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` for reading, without
/// waiting for it. Swift has no prefetch of its own; hot loops that know their next random
/// addresses a few steps ahead use this so that several cache misses overlap. A hint only: it
/// never faults, whatever the address.
static inline __attribute__((always_inline)) void tandem_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
