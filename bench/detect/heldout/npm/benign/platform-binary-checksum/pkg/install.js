const crypto = require('crypto');
const fs = require('fs');
const https = require('https');
const path = require('path');
const zlib = require('zlib');

const VERSION = require('./package.json').version;
const BASE = process.env.PROTOLINT_BINARY_MIRROR || 'https://releases.protolint.example.invalid/download';
const key = `${process.platform}-${process.arch}`;
const sums = require('./checksums.json');

if (!sums[key]) {
  console.error(`protolint-bin: no prebuilt binary for ${key}; install protolint yourself`);
  process.exit(0);
}
const exe = process.platform === 'win32' ? 'protolint.exe' : 'protolint';
const dest = path.join(__dirname, 'vendor', exe);
fs.mkdirSync(path.dirname(dest), { recursive: true });

https.get(`${BASE}/v${VERSION}/protolint_${key}.gz`, (res) => {
  if (res.statusCode !== 200) { console.error(`protolint-bin: HTTP ${res.statusCode}`); process.exit(1); }
  const chunks = [];
  res.pipe(zlib.createGunzip()).on('data', (c) => chunks.push(c)).on('end', () => {
    const buf = Buffer.concat(chunks);
    const got = crypto.createHash('sha256').update(buf).digest('hex');
    if (got !== sums[key]) { console.error(`protolint-bin: checksum mismatch (${got})`); process.exit(1); }
    fs.writeFileSync(dest, buf, { mode: 0o755 });
  });
}).on('error', (e) => { console.error(`protolint-bin: ${e.message}`); process.exit(1); });
