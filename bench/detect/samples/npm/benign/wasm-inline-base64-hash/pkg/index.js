'use strict';
const bytes = require('./wasm-bytes');

const { exports: wasm } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
const mem = wasm.memory.buffer;
const TABLE = new Uint32Array(mem, wasm.table_ptr(), 256);
const VERSION = new TextDecoder().decode(new Uint8Array(mem, wasm.version_ptr(), wasm.version_len()));

function crc32c(input, crc = 0) {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  crc = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) crc = TABLE[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

module.exports = { crc32c, VERSION };
