#ifndef C_HEAP_STATS_H
#define C_HEAP_STATS_H

#include <stddef.h>

/// Bytes the C allocator has handed out and not taken back: glibc's mallinfo2() arena bytes in use plus mmapped
/// blocks; -1 where mallinfo2 is unavailable. (Swift's Glibc module does not import <malloc.h>.)
long long c_heap_bytes_in_use(void);

#endif
