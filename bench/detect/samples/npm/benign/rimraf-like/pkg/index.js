'use strict';
const fs = require('fs');
const path = require('path');
function assertSafe(p) {
  const abs = path.resolve(p);
  if (abs === path.parse(abs).root) throw new Error(`refusing to remove filesystem root: ${abs}`);
  return abs;
}
exports.sync = (p) => { fs.rmSync(assertSafe(p), { recursive: true, force: true, maxRetries: 3 }); };
exports.remove = async (p) => { await fs.promises.rm(assertSafe(p), { recursive: true, force: true, maxRetries: 3 }); };
