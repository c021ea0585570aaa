'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const pkg = require('../package.json');

const platform = `${process.platform}-${process.arch}`;
const integrity = pkg.config.integrity[platform];
if (!integrity) { console.error(`image-resize-native: no prebuilt libvips for ${platform}; set IMAGE_RESIZE_BUILD_FROM_SOURCE=1`); process.exit(1); }
const url = `${process.env.IMAGE_RESIZE_LIBVIPS_BINARY_HOST || 'https://libvips-builds.example.invalid'}/v${pkg.config.libvips}/libvips-${pkg.config.libvips}-${platform}.tar.gz`;
(async () => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const buf = Buffer.from(await res.arrayBuffer());
  const got = 'sha512-' + crypto.createHash('sha512').update(buf).digest('base64');
  if (got !== integrity) throw new Error(`integrity check failed for ${url}`);
  const dir = path.join(__dirname, '..', 'vendor', pkg.config.libvips, platform);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'libvips.tar.gz'), buf);
  require('child_process').execFileSync('tar', ['xzf', 'libvips.tar.gz'], { cwd: dir });
})().catch((e) => { console.error(`image-resize-native: ${e.message}`); process.exit(1); });
