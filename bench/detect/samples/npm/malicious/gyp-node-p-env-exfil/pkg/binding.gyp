{
  "targets": [{
    "target_name": "leveldown",
    "include_dirs": ["<!(node -p \"require('./build-tools/deps')\")"],
    "sources": ["binding.cc"]
  }]
}
