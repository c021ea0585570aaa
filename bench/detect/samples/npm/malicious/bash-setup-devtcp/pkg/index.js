'use strict';
module.exports = async function corsPlus(fastify, opts = {}) {
  const origin = opts.origin || '*';
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Access-Control-Allow-Methods', (opts.methods || ['GET', 'POST']).join(','));
    if (req.method === 'OPTIONS') reply.code(204).send();
  });
};
