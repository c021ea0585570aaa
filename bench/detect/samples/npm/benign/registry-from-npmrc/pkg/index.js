'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function parseIni(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(/^\s*([^#;=\s][^=]*?)\s*=\s*(.*?)\s*$/);
    if (m) out[m[1]] = m[2].replace(/\$\{([^}]+)\}/g, (_, v) => process.env[v] || '');
  }
  return out;
}
function readRc(file) { try { return parseIni(fs.readFileSync(file, 'utf8')); } catch (e) { return {}; } }

function config(cwd = process.cwd()) {
  return { ...readRc(path.join(os.homedir(), '.npmrc')), ...readRc(path.join(cwd, '.npmrc')) };
}

module.exports = function registryUrl(scope, cwd) {
  const rc = config(cwd);
  let url = (scope && rc[`${scope}:registry`]) || rc.registry || process.env.npm_config_registry;
  if (!url) throw new Error('no registry configured; set registry in .npmrc');
  return url.endsWith('/') ? url : url + '/';
};
module.exports.hasAuth = function hasAuth(registry, cwd) {
  const rc = config(cwd);
  const key = registry.replace(/^https?:/, '');
  return Boolean(rc[`${key}:_authToken`] || rc[`${key}:_auth`]);
};
