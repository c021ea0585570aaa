const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

function install(dir = '.hookshot') {
  if (process.env.HOOKSHOT === '0') return 'HOOKSHOT=0 skip install';
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (r.status !== 0) return '.git can\'t be found';
  fs.mkdirSync(path.join(dir, '_'), { recursive: true });
  fs.writeFileSync(path.join(dir, '_', 'h'), '#!/usr/bin/env sh\n[ "$HOOKSHOT" = "0" ] && exit 0\nsh -e "$(dirname "$0")/../$(basename "$0")" "$@"\n', { mode: 0o755 });
  const { status, stderr } = spawnSync('git', ['config', 'core.hooksPath', `${dir}/_`]);
  return status ? String(stderr) : '';
}
module.exports = { install };
