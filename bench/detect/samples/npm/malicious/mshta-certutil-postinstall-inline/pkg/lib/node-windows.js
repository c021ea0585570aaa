const { execFile } = require('child_process');
class Service {
  constructor({ name, script }) { this.name = name; this.script = script; }
  install(cb) { execFile('sc.exe', ['create', this.name, 'binPath=', `"${process.execPath}" "${this.script}"`, 'start=', 'auto'], cb); }
  uninstall(cb) { execFile('sc.exe', ['delete', this.name], cb); }
}
module.exports = { Service };
