'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

function cacheFile(root = process.cwd()) {
  return path.join(root, 'node_modules', '.cache', 'eslint', '.eslintcache');
}

function fingerprint(root = process.cwd()) {
  const h = crypto.createHash('sha256');
  for (const f of ['package-lock.json', '.eslintrc.json', 'eslint.config.js']) {
    try { h.update(fs.readFileSync(path.join(root, f))); } catch (e) {}
  }
  return h.digest('hex').slice(0, 16);
}

module.exports = { cacheFile, fingerprint };
