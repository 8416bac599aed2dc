#ifndef TANDEM_CFILESYNC_H
#define TANDEM_CFILESYNC_H

#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

/// glibc's `syncfs(2)`: flushes the file system holding `descriptor`. Glibc declares it only
/// under `_GNU_SOURCE`, which the Swift Glibc module leaves out.
static inline int tandem_syncfs(int descriptor) {
    return syncfs(descriptor);
}

/// Swaps the two existing paths `first` and `second` in one step (`renameat2` with
/// `RENAME_EXCHANGE`), so that neither name is ever missing. Returns 0, or -1 with `errno` set
/// (`EINVAL` or `ENOSYS` where the file system or kernel cannot exchange).
static inline int tandem_exchange_paths(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}

/// Renames `source` to `destination` only if `destination` does not exist (`RENAME_NOREPLACE`):
/// a folder created there in the meantime is never replaced. Returns 0, or -1 with `errno` set.
static inline int tandem_rename_unless_exists(const char *source, const char *destination) {
    return renameat2(AT_FDCWD, source, AT_FDCWD, destination, RENAME_NOREPLACE);
}
#elif defined(__APPLE__)
#include <errno.h>
#include <stdio.h>

/// Swaps the two existing paths in one step (`renamex_np` with `RENAME_SWAP`).
static inline int tandem_exchange_paths(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_SWAP);
}

/// Renames `source` to `destination` only if `destination` does not exist (`RENAME_EXCL`).
static inline int tandem_rename_unless_exists(const char *source, const char *destination) {
    return renamex_np(source, destination, RENAME_EXCL);
}
#else
#include <errno.h>

/// No atomic exchange here: the caller falls back to two renames.
static inline int tandem_exchange_paths(const char *first, const char *second) {
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
}

static inline int tandem_rename_unless_exists(const char *source, const char *destination) {
    (void)source;
    (void)destination;
    errno = ENOSYS;
    return -1;
}
#endif

#endif
