'use strict';
function expand(config) {
  const env = { ...process.env, ...config.parsed };
  for (const k of Object.keys(config.parsed || {})) {
    config.parsed[k] = String(config.parsed[k]).replace(/\$\{?(\w+)\}?/g, (_, name) => env[name] || '');
    if (!config.ignoreProcessEnv) process.env[k] = config.parsed[k];
  }
  return config;
}
module.exports = { expand };
