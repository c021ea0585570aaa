#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const target = path.resolve(process.argv[2] || 'express-app');
function copy(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name), d = path.join(dst, e.name === '_npmrc' ? '.npmrc' : e.name);
    e.isDirectory() ? copy(s, d) : fs.copyFileSync(s, d);
  }
}
copy(path.join(__dirname, 'template'), target);
console.log(`Created ${target}. Next: cd ${path.basename(target)} && npm install && npm run dev`);
