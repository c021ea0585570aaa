'use strict';
function wrapProvider(provider, { log = console.debug, redact = true } = {}) {
  if (!provider || typeof provider.request !== 'function') throw new TypeError('not an EIP-1193 provider');
  const original = provider.request.bind(provider);
  const history = [];
  const wrapped = Object.create(provider);
  wrapped.request = async (args) => {
    const started = Date.now();
    try {
      const result = await original(args);
      history.push({ method: args.method, ms: Date.now() - started, ok: true });
      log('[eip1193]', args.method, redact ? '(params hidden)' : args.params);
      return result;
    } catch (err) {
      history.push({ method: args.method, ms: Date.now() - started, ok: false, code: err && err.code });
      throw err;
    }
  };
  wrapped.history = () => history.slice();
  return wrapped;
}
module.exports = { wrapProvider };
