const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { readMetadata } = require('..');
const meta = readMetadata(fs.readFileSync(path.join(__dirname, 'fixtures', 'icon.png')));
assert.strictEqual(meta.width, 16);
assert.strictEqual(meta.text.Software, 'Inkscape 1.3');
console.log('ok');
