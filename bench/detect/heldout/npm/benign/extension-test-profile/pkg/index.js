const fs = require('fs');
const os = require('os');
const path = require('path');

function chromeExecutable() {
  const c = {
    darwin: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    linux: '/usr/bin/google-chrome',
    win32: path.join(process.env.PROGRAMFILES || 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
  }[process.platform];
  return process.env.CHROME_PATH || c;
}

async function launchWithExtension(puppeteer, extensionDir, opts = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webext-test-'));
  const browser = await puppeteer.launch({
    executablePath: chromeExecutable(),
    headless: opts.headless ?? 'new',
    userDataDir,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker');
  const extensionId = new URL(target.url()).host;
  return { browser, extensionId, userDataDir, cleanup: () => fs.rmSync(userDataDir, { recursive: true, force: true }) };
}
module.exports = { launchWithExtension, chromeExecutable };
