'use strict';
const fs = require('fs');
const path = require('path');
const VALID = ['pre-commit', 'pre-push', 'commit-msg', 'post-merge', 'post-checkout'];

function projectRoot() {
  return process.env.INIT_CWD || path.resolve(__dirname, '..', '..');
}
function readConfig(root) {
  try { return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))['simple-commit-hooks'] || null; } catch (e) { return null; }
}
function setHooksFromConfig(root = projectRoot()) {
  const cfg = readConfig(root);
  if (!cfg) return false;
  const hooksDir = path.join(root, '.git', 'hooks');
  if (!fs.existsSync(hooksDir)) return false;
  for (const hook of VALID) {
    if (!cfg[hook]) continue;
    fs.writeFileSync(path.join(hooksDir, hook), `#!/bin/sh\n${cfg[hook]}\n`, { mode: 0o755 });
  }
  return true;
}
module.exports = { setHooksFromConfig, VALID };
