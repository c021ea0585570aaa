{
  "targets": [{
    "target_name": "crc32c",
    "sources": ["src/crc32c.cc"],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
    "defines": ["NAPI_VERSION=8"],
    "conditions": [["target_arch=='x64'", {"cflags": ["-msse4.2"]}]]
  }]
}
