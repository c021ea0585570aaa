#!/usr/bin/env node
const { execFile } = require('child_process');
execFile('nvidia-smi', ['--query-gpu=utilization.gpu,memory.used', '--format=csv,noheader'], (err, out) => {
  if (err) { console.error('nvidia-smi not found'); process.exit(1); }
  console.log(out.trim());
});
