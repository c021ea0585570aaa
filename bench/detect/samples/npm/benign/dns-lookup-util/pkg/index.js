'use strict';
const { Resolver } = require('dns').promises;
module.exports = async function check(hosts, { servers, timeout = 2000 } = {}) {
  const r = new Resolver({ timeout, tries: 2 });
  if (servers && servers.length) r.setServers(servers);
  const results = await Promise.all(hosts.map(async (h) => {
    const start = Date.now();
    try {
      const addrs = await r.resolve4(h);
      return { host: h, ok: true, addrs, ms: Date.now() - start };
    } catch (e) {
      return { host: h, ok: false, error: e.code, ms: Date.now() - start };
    }
  }));
  return { ok: results.every((x) => x.ok), results };
};
