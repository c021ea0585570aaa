{
  "targets": [
    {
      "target_name": "usbdetect",
      "sources": ["src/detect.cc", "<(INTERMEDIATE_DIR)/usb_ids.h"],
      "actions": [
        {
          "action_name": "generate_usb_ids",
          "inputs": ["tools/gen_ids.py", "data/usb.ids"],
          "outputs": ["<(INTERMEDIATE_DIR)/usb_ids.h"],
          "action": ["python3", "tools/gen_ids.py", "data/usb.ids", "<@(_outputs)"]
        }
      ]
    }
  ]
}
