#ifndef TANDEM_CFILESYNC_H
#define TANDEM_CFILESYNC_H

#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>

/// glibc's `syncfs(2)`: flushes the file system holding `descriptor`. Glibc declares it only
/// under `_GNU_SOURCE`, which the Swift Glibc module leaves out.
static inline int tandem_syncfs(int descriptor) {
    return syncfs(descriptor);
}
#endif

#endif
