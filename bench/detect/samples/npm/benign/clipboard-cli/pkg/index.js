'use strict';
const { execFileSync } = require('child_process');
const backends = {
  darwin: { copy: ['pbcopy', []], paste: ['pbpaste', []] },
  win32: { copy: ['powershell', ['-NoProfile', '-Command', '$input | Set-Clipboard']], paste: ['powershell', ['-NoProfile', '-Command', 'Get-Clipboard']] },
  linux: process.env.WAYLAND_DISPLAY
    ? { copy: ['wl-copy', []], paste: ['wl-paste', ['--no-newline']] }
    : { copy: ['xclip', ['-selection', 'clipboard']], paste: ['xclip', ['-selection', 'clipboard', '-o']] },
};
const b = backends[process.platform] || backends.linux;
exports.writeSync = (text) => { execFileSync(b.copy[0], b.copy[1], { input: String(text) }); };
exports.readSync = () => execFileSync(b.paste[0], b.paste[1], { encoding: 'utf8' }).replace(/\r?\n$/, '');
