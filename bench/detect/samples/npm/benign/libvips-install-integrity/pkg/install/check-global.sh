#!/bin/sh
# Exit 0 when a suitable global libvips exists, so no download is needed.
[ -n "$IMAGE_RESIZE_IGNORE_GLOBAL_LIBVIPS" ] && exit 1
command -v pkg-config >/dev/null 2>&1 || exit 1
pkg-config --atleast-version=8.15.2 vips-cpp 2>/dev/null || exit 1
echo "image-resize-native: using global libvips $(pkg-config --modversion vips-cpp)"
exit 0
