const os = require('os');
const path = require('path');
exports.executablePath = () => {
  const cache = process.env.HEADLESS_CHROME_CACHE_DIR || path.join(os.homedir(), '.cache', 'headless-chrome');
  const platform = { linux: 'linux64', darwin: process.arch === 'arm64' ? 'mac-arm64' : 'mac-x64', win32: 'win64' }[process.platform];
  const exe = process.platform === 'win32' ? 'chrome-headless-shell.exe' : 'chrome-headless-shell';
  return path.join(cache, `${platform}-126.0.6478.126`, `chrome-headless-shell-${platform}`, exe);
};
