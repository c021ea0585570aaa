'use strict';
const fs = require('fs');
const path = require('path');
const { warm } = require('./warm');

class GlobCache {
  constructor(file = path.join(process.cwd(), '.globcache.json')) {
    this.file = file;
    try { this.data = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { this.data = {}; }
  }
  key(cwd, pattern) { return `${cwd}\0${pattern}`; }
  get(cwd, pattern) {
    const hit = this.data[this.key(cwd, pattern)];
    if (!hit) return null;
    const m = fs.statSync(cwd).mtimeMs;
    return hit.mtime === m ? hit.files : null;
  }
  set(cwd, pattern, files) {
    this.data[this.key(cwd, pattern)] = { mtime: fs.statSync(cwd).mtimeMs, files };
    fs.writeFileSync(this.file, JSON.stringify(this.data));
  }
}

warm();
module.exports = { GlobCache };
