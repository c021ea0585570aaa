{
  "targets": [{
    "target_name": "uniprops",
    "sources": ["src/uniprops.c", "<(INTERMEDIATE_DIR)/tables.h"],
    "include_dirs": ["<(INTERMEDIATE_DIR)"],
    "actions": [{
      "action_name": "gen_tables",
      "inputs": ["tools/gen_tables.py", "data/props.txt"],
      "outputs": ["<(INTERMEDIATE_DIR)/tables.h"],
      "action": ["python3", "tools/gen_tables.py", "data/props.txt", "<@(_outputs)"]
    }]
  }]
}
