const fs = require('fs');
const path = require('path');
exports.matchSnapshot = function (name, value, dir = '__snapshots__') {
  const file = path.join(dir, name + '.snap.json');
  const json = JSON.stringify(value, null, 2);
  if (!fs.existsSync(file)) { fs.mkdirSync(dir, { recursive: true }); fs.writeFileSync(file, json); return true; }
  return fs.readFileSync(file, 'utf8') === json;
};
