const fs = require('fs');
const LZMA = require('lzma');
module.exports = function compressFile(file, level = 6) {
  return new Promise((resolve, reject) => {
    LZMA.compress(fs.readFileSync(file), level, (out, err) => {
      if (err) return reject(err);
      fs.writeFileSync(file + '.lzma', Buffer.from(out));
      resolve(file + '.lzma');
    });
  });
};
