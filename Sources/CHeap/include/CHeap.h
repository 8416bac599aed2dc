#ifndef TANDEM_CHEAP_H
#define TANDEM_CHEAP_H

#include <stddef.h>

/// Prepares the heap so that up to `size` bytes of this process's coming allocations are on
/// 2 MiB pages, where the C library is glibc and the kernel has transparent huge pages; see
/// LargePageHeap.swift for why. Call it before starting any thread. Returns how many bytes it
/// marked for huge pages, from `*marked` on: 0 (and `*marked` untouched) when it did nothing,
/// as for `size` above 30 MiB and off glibc.
size_t tandem_prepare_large_page_heap(size_t size, void **marked);

#endif
