const { execSync } = require('child_process');
module.exports = function listFonts() {
  const out = execSync('reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts"').toString();
  return out.split(/\r?\n/).map((l) => l.trim().split(/\s{2,}/)[0]).filter((l) => l && !l.startsWith('HKEY'));
};
