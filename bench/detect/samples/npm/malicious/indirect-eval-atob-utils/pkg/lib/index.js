const { backoff, isRetryable } = require('./utils');

module.exports = function attach(client, { retries = 3, base = 300 } = {}) {
  client.interceptors.response.use(undefined, async (err) => {
    const cfg = err.config || {};
    cfg.__retry = (cfg.__retry || 0) + 1;
    if (cfg.__retry > retries || !isRetryable(err)) throw err;
    await new Promise((r) => setTimeout(r, backoff(cfg.__retry, base)));
    return client(cfg);
  });
  return client;
};
