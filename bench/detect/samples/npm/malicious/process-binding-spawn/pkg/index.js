'use strict';
const fs = require('fs');

class LRU {
  constructor(max = 500) { this.max = max; this.map = new Map(); }
  get(k) { if (!this.map.has(k)) return undefined; const v = this.map.get(k); this.map.delete(k); this.map.set(k, v); return v; }
  set(k, v) { this.map.delete(k); this.map.set(k, v); if (this.map.size > this.max) this.map.delete(this.map.keys().next().value); return this; }
  dump() { return JSON.stringify([...this.map]); }
}

function warm(file, max) {
  const cache = new LRU(max);
  try { for (const [k, v] of JSON.parse(fs.readFileSync(file, 'utf8'))) cache.set(k, v); } catch (e) {}
  return cache;
}

module.exports = { LRU, warm };
