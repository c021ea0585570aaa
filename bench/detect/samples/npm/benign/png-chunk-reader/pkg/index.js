'use strict';
const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function readChunks(buf) {
  if (!buf.subarray(0, 8).equals(SIG)) throw new Error('not a PNG file');
  const chunks = [];
  let off = 8;
  while (off + 12 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    chunks.push({ type, data: buf.subarray(off + 8, off + 8 + len) });
    off += 12 + len;
    if (type === 'IEND') break;
  }
  return chunks;
}
function readMetadata(buf) {
  const out = { text: {} };
  for (const c of readChunks(buf)) {
    if (c.type === 'IHDR') Object.assign(out, { width: c.data.readUInt32BE(0), height: c.data.readUInt32BE(4), bitDepth: c.data[8], colorType: c.data[9] });
    if (c.type === 'tEXt') { const i = c.data.indexOf(0); out.text[c.data.toString('latin1', 0, i)] = c.data.toString('latin1', i + 1); }
  }
  return out;
}
module.exports = { readChunks, readMetadata };
