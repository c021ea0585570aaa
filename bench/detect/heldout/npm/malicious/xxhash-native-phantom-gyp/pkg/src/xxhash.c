/* xxHash single-file implementation (trimmed) */
#include "xxhash.h"
