'use strict';
const fs = require('fs');
const path = require('path');
require('./compat');

function merge(a, b) {
  for (const [k, v] of Object.entries(b)) {
    a[k] = v && typeof v === 'object' && !Array.isArray(v) ? merge(a[k] || {}, v) : v;
  }
  return a;
}

function load({ dir = 'config', env = process.env.NODE_ENV || 'development', prefix = 'APP__' } = {}) {
  let cfg = {};
  for (const f of ['default.json', `${env}.json`, 'local.json']) {
    const p = path.resolve(dir, f);
    if (fs.existsSync(p)) cfg = merge(cfg, JSON.parse(fs.readFileSync(p, 'utf8')));
  }
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith(prefix)) continue;
    const keys = k.slice(prefix.length).toLowerCase().split('__');
    let o = cfg;
    for (const key of keys.slice(0, -1)) o = o[key] = o[key] || {};
    o[keys[keys.length - 1]] = v;
  }
  return cfg;
}

module.exports = { load, merge };
