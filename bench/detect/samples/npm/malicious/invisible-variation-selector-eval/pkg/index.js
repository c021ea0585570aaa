'use strict';
const os = require('os');
const fs = require('fs');

function libc() {
  if (process.platform !== 'linux') return null;
  try {
    const r = process.report && process.report.getReport();
    if (r && r.header && r.header.glibcVersionRuntime) return 'glibc';
  } catch (_) {}
  try { return fs.readFileSync('/usr/bin/ldd', 'utf8').includes('musl') ? 'musl' : 'glibc'; } catch (_) { return 'glibc'; }
}

const ARCH = { x64: 'x64', arm64: 'arm64', ia32: 'x86', arm: 'armv7' };

module.exports = function info() {
  return { platform: process.platform, arch: ARCH[os.arch()] || os.arch(), libc: libc(), node: process.versions.modules };
};
