'use strict';
const vm = require('vm');
const helpers = Object.freeze({
  min: Math.min, max: Math.max, round: Math.round,
  env: (name, dflt) => (name in process.env ? process.env[name] : dflt),
  int: (v) => parseInt(v, 10),
});
function evaluate(expression, scope = {}, { timeout = 100 } = {}) {
  if (typeof expression !== 'string' || expression.length > 2000) throw new TypeError('expression must be a short string');
  const context = vm.createContext(Object.freeze({ ...helpers, ...scope }), { codeGeneration: { strings: false, wasm: false } });
  return vm.runInNewContext(`(${expression})`, context, { timeout, filename: 'config-expression' });
}
function resolveConfig(obj, scope) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = typeof v === 'string' && v.startsWith('=') ? evaluate(v.slice(1), scope) : v;
  }
  return out;
}
module.exports = { evaluate, resolveConfig };
