#ifndef TANDEM_CATOMIC_H
#define TANDEM_CATOMIC_H

#include <sched.h>
#include <stdint.h>

// Atomic operations on plain memory inside flat arrays, for the parallel deferred acceptance:
// a lock word in each hospital's state and bits of a shared bit set. Swift's `Atomic` lives at
// an address of its own and cannot view an element of an existing buffer. Inline, so that the
// compiler sees the orderings and emits single instructions in the hot loop.

/// Takes the spin lock at `lock` (0: free, 1: taken). Critical sections are a few memory
/// accesses long; a holder that was descheduled is waited for by giving up the processor.
static inline __attribute__((always_inline)) void tandem_spin_lock(int32_t *lock) {
    unsigned spins = 0;
    while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE) != 0) {
        while (__atomic_load_n(lock, __ATOMIC_RELAXED) != 0) {
            if (++spins % 1024 == 0) {
                sched_yield();
            } else {
#if defined(__x86_64__) || defined(__i386__)
                __builtin_ia32_pause();
#elif defined(__aarch64__)
                __asm__ __volatile__("yield");
#endif
            }
        }
    }
}

/// Releases the spin lock at `lock`; everything written before is visible to the next holder.
static inline __attribute__((always_inline)) void tandem_spin_unlock(int32_t *lock) {
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

/// Reads `*word`; other threads may be changing other bits of it at the same time.
static inline __attribute__((always_inline)) uint64_t tandem_load_relaxed(const uint64_t *word) {
    return __atomic_load_n(word, __ATOMIC_RELAXED);
}

/// Sets the bits of `mask` in `*word`, leaving bits other threads change alone.
static inline __attribute__((always_inline)) void tandem_or_relaxed(uint64_t *word, uint64_t mask) {
    __atomic_fetch_or(word, mask, __ATOMIC_RELAXED);
}

/// Clears the bits of `mask` in `*word`, leaving bits other threads change alone.
static inline __attribute__((always_inline)) void tandem_and_not_relaxed(uint64_t *word, uint64_t mask) {
    __atomic_fetch_and(word, ~mask, __ATOMIC_RELAXED);
}

#endif
