#include "CHeap.h"

#include <stdlib.h> /* defines __GLIBC__ with glibc */

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>

size_t tandem_prepare_large_page_heap(size_t size, void **marked) {
    const uintptr_t huge_page = (uintptr_t)2 << 20;
    /* The block that grows the heap must stay below the mmap threshold, which glibc caps at
       32 MiB. A larger run keeps glibc's defaults: most of its memory is in arrays above the
       threshold anyway, and a heap that is never trimmed raised the peak of a 10^6-mentee
       solve by 9 %. */
    if (size > ((size_t)30 << 20)) return 0;
    /* Every thread allocates from the main heap; arrays up to 32 MiB come from it instead of
       fresh mmaps of their own (too small to hold a huge page, and unmapped on free); and
       nothing freed is trimmed from it, so freed memory is reused, already faulted in. */
    if (mallopt(M_ARENA_MAX, 1) != 1 || mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 ||
        mallopt(M_TRIM_THRESHOLD, INT32_MAX) != 1)
        return 0;
    /* Grow the heap by `size` now and mark the whole huge pages of the new part; freed, the
       block becomes the top of the heap, which the run's arrays are then carved from. */
    void *block = malloc(size);
    if (block == NULL) return 0;
    uintptr_t start = ((uintptr_t)block + huge_page - 1) & ~(huge_page - 1);
    uintptr_t end = ((uintptr_t)block + size) & ~(huge_page - 1);
    size_t length = 0;
    if (end > start && madvise((void *)start, end - start, MADV_HUGEPAGE) == 0) {
        *marked = (void *)start;
        length = end - start;
    }
    free(block);
    return length;
}

#else

size_t tandem_prepare_large_page_heap(size_t size, void **marked) {
    (void)size;
    (void)marked;
    return 0;
}

#endif
