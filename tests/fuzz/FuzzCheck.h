#pragma once

#include <cstdio>
#include <cstdlib>

// A broken invariant in a fuzz target: print it and abort, so libFuzzer saves the input.
#define ICN_FUZZ_CHECK(condition)                                                                                     \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__);                  \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
