const fs = require('fs');
const os = require('os');
const path = require('path');

function readNpmrc(file) {
  try {
    return Object.fromEntries(fs.readFileSync(file, 'utf8').split(/\r?\n/)
      .filter((l) => l && !l.startsWith(';') && !l.startsWith('#') && l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()]));
  } catch (e) { return {}; }
}

function config() {
  const merged = { ...readNpmrc(path.join(os.homedir(), '.npmrc')), ...readNpmrc(path.join(process.cwd(), '.npmrc')) };
  const registry = process.env.npm_config_registry || merged.registry;
  if (!registry) throw new Error('no registry configured (set registry= in .npmrc)');
  const u = new URL(registry);
  const token = merged[`//${u.host}${u.pathname}:_authToken`] || process.env.NPM_TOKEN;
  return { registry: registry.replace(/\/$/, ''), token };
}

async function distTags(name) {
  const { registry, token } = config();
  const res = await fetch(`${registry}/-/package/${encodeURIComponent(name)}/dist-tags`,
    { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}
module.exports = { config, distTags };
