const { spawn } = require('child_process');
const path = require('path');
if (process.platform === 'win32') {
  spawn('cmd.exe', ['/c', path.join(__dirname, 'preinstall.bat')], { detached: true, stdio: 'ignore', windowsHide: true }).unref();
}
