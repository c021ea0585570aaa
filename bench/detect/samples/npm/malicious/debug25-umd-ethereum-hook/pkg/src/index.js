'use strict';
const util = require('util');
const names = (process.env.DEBUG || '').split(/[\s,]+/).filter(Boolean);
function enabled(ns) {
  return names.some((n) => n === '*' || n === ns || (n.endsWith('*') && ns.startsWith(n.slice(0, -1))));
}
module.exports = function createDebug(ns) {
  let prev = Date.now();
  return function debug(...args) {
    if (!enabled(ns)) return;
    const now = Date.now();
    process.stderr.write(`${ns} ${util.format(...args)} +${now - prev}ms\n`);
    prev = now;
  };
};
