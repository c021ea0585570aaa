int LZ4_versionNumber(void) { return 10904; }
