'use strict';
const crypto = require('crypto');
const fs = require('fs');
const https = require('https');
const path = require('path');
const zlib = require('zlib');

const { version } = require('./package.json');
const checksums = require('./checksums.json');
const target = `${process.platform}-${process.arch}`;
const exe = process.platform === 'win32' ? 'fastfmt.exe' : 'fastfmt';
const dest = path.join(__dirname, 'bin', exe);
const base = process.env.FASTFMT_BINARY_HOST || 'https://releases.fastfmt.example.invalid';
const url = `${base}/v${version}/fastfmt-${target}.gz`;

function fetch(u, redirects = 5) {
  return new Promise((resolve, reject) => {
    https.get(u, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects > 0) {
        res.resume();
        return resolve(fetch(new URL(res.headers.location, u).toString(), redirects - 1));
      }
      if (res.statusCode !== 200) return reject(new Error(`GET ${u}: HTTP ${res.statusCode}`));
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => resolve(Buffer.concat(parts)));
    }).on('error', reject);
  });
}

async function main() {
  if (process.env.FASTFMT_SKIP_DOWNLOAD) return;
  const expected = checksums[target];
  if (!expected) throw new Error(`fastfmt: no prebuilt binary for ${target}; build from source`);
  const gz = await fetch(url);
  const bin = zlib.gunzipSync(gz);
  const got = crypto.createHash('sha256').update(bin).digest('hex');
  if (got !== expected) throw new Error(`fastfmt: checksum mismatch for ${url}: expected ${expected}, got ${got}`);
  fs.writeFileSync(dest, bin, { mode: 0o755 });
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
