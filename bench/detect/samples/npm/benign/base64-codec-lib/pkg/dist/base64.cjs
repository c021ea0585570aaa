'use strict';
const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = typeof Uint8Array === 'undefined' ? [] : new Uint8Array(256);
for (let i = 0; i < chars.length; i++) lookup[chars.charCodeAt(i)] = i;

function encode(arraybuffer) {
  const bytes = new Uint8Array(arraybuffer);
  let base64 = '';
  for (let i = 0; i < bytes.length; i += 3) {
    base64 += chars[bytes[i] >> 2];
    base64 += chars[((bytes[i] & 3) << 4) | (bytes[i + 1] >> 4)];
    base64 += chars[((bytes[i + 1] & 15) << 2) | (bytes[i + 2] >> 6)];
    base64 += chars[bytes[i + 2] & 63];
  }
  if (bytes.length % 3 === 2) base64 = base64.substring(0, base64.length - 1) + '=';
  else if (bytes.length % 3 === 1) base64 = base64.substring(0, base64.length - 2) + '==';
  return base64;
}
function decode(base64) {
  let len = base64.length * 0.75;
  if (base64[base64.length - 1] === '=') { len--; if (base64[base64.length - 2] === '=') len--; }
  const ab = new ArrayBuffer(len), bytes = new Uint8Array(ab);
  let p = 0;
  for (let i = 0; i < base64.length; i += 4) {
    const e1 = lookup[base64.charCodeAt(i)], e2 = lookup[base64.charCodeAt(i + 1)], e3 = lookup[base64.charCodeAt(i + 2)], e4 = lookup[base64.charCodeAt(i + 3)];
    bytes[p++] = (e1 << 2) | (e2 >> 4);
    bytes[p++] = ((e2 & 15) << 4) | (e3 >> 2);
    bytes[p++] = ((e3 & 3) << 6) | (e4 & 63);
  }
  return ab;
}
exports.encode = encode;
exports.decode = decode;
