const fs = require('fs');
const path = require('path');
module.exports = function rotate(file, { max = 10 } = {}) {
  for (let i = max - 1; i >= 1; i--) {
    const src = `${file}.${i}`;
    if (fs.existsSync(src)) fs.renameSync(src, `${file}.${i + 1}`);
  }
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
  fs.writeFileSync(file, '');
  return path.basename(file);
};
