'use strict';
const pad = (hex) => hex.replace(/^0x/, '').padStart(64, '0');

function encodeUint(n) { return pad(BigInt(n).toString(16)); }
function encodeAddress(a) { return pad(a.toLowerCase()); }
function encodeBool(b) { return encodeUint(b ? 1 : 0); }

function decodeString(hex) {
  const h = hex.replace(/^0x/, '');
  const off = parseInt(h.slice(0, 64), 16) * 2;
  const len = parseInt(h.slice(off, off + 64), 16) * 2;
  return Buffer.from(h.slice(off + 64, off + 64 + len), 'hex').toString('utf8');
}

module.exports = { encodeUint, encodeAddress, encodeBool, decodeString };
