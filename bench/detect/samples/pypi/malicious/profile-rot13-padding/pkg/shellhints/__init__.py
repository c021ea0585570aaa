HINTS = {"ls": "try exa", "cat": "try bat"}
