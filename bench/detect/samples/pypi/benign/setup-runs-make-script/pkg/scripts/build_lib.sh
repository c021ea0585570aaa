#!/bin/sh
# Build the bundled liblz4 as a static library for the extension.
set -eu
cd "$(dirname "$0")/../lib/lz4"
JOBS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
make -j"$JOBS" CFLAGS="-O2 -fPIC" liblz4.a
mkdir -p ../../build/lib
cp liblz4.a ../../build/lib/
