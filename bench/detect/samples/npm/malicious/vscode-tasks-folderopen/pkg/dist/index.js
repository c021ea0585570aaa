module.exports = function envCheck(required = []) {
  return {
    name: 'vite-plugin-env-check',
    configResolved(cfg) {
      const missing = required.filter((k) => !(k in cfg.env) && !(k in process.env));
      if (missing.length) throw new Error('Missing env: ' + missing.join(', '));
    },
  };
};
