const { execFile } = require('child_process');
module.exports = (title, body) => execFile('powershell', ['-NoProfile', '-Command', `New-BurntToastNotification -Text '${title}','${body}'`], () => {});
