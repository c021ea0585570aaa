'use strict';
const ranges = require('../data/ranges.json').map(([a, b, c]) => [toInt(a), toInt(b), c]).sort((x, y) => x[0] - y[0]);
function toInt(ip) { return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0); }
exports.lookup = function lookup(ip) {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return null;
  const n = toInt(ip);
  let lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, r = ranges[mid];
    if (n < r[0]) hi = mid - 1; else if (n > r[1]) lo = mid + 1; else return { country: r[2], range: [r[0], r[1]] };
  }
  return null;
};
