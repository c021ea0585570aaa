{
  "targets": [{
    "target_name": "sqlite_vec",
    "sources": ["src/addon.c", "deps/sqlite-vec/sqlite-vec.c"],
    "include_dirs": ["deps/sqlite", "deps/sqlite-vec"],
    "defines": ["SQLITE_CORE", "NAPI_VERSION=<(napi_build_version)"]
  }]
}
