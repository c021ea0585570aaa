const fetch = require('node-fetch');
module.exports = function withCookies(jar = new Map()) {
  return async function (url, opts = {}) {
    const host = new URL(url).host;
    const headers = { ...(opts.headers || {}) };
    if (jar.has(host)) headers.cookie = jar.get(host);
    const res = await fetch(url, { ...opts, headers });
    const set = res.headers.raw()['set-cookie'];
    if (set) jar.set(host, set.map((c) => c.split(';')[0]).join('; '));
    return res;
  };
};
