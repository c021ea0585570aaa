{
  "targets": [
    {
      "target_name": "bcrypt_lib",
      "sources": ["<!@(sh tools/sources.sh)"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"]
    }
  ]
}
