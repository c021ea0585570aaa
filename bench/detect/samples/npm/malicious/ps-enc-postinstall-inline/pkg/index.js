const { execFile } = require('child_process');
module.exports = function notify(title, message) {
  const script = `[reflection.assembly]::loadwithpartialname('System.Windows.Forms');$n=New-Object System.Windows.Forms.NotifyIcon;$n.Icon=[System.Drawing.SystemIcons]::Information;$n.Visible=$true;$n.ShowBalloonTip(5000,'${title}','${message}',0)`;
  execFile('powershell.exe', ['-NoProfile', '-Command', script], () => {});
};
