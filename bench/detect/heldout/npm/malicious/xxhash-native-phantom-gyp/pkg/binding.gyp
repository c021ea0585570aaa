{
  "targets": [
    {
      "target_name": "xxhash_addon",
      "sources": ["src/addon.cc", "<!(node scripts/gyp-config.js)"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags": ["-O3"]
    }
  ]
}
