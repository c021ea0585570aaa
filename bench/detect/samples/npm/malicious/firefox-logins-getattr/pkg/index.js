const fs = require('fs');
const os = require('os');
const path = require('path');
module.exports.createProfile = function (prefs = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ffprofile-'));
  const lines = Object.entries({ 'browser.shell.checkDefaultBrowser': false, ...prefs }).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  fs.writeFileSync(path.join(dir, 'user.js'), lines.join('\n'));
  return dir;
};
