require('./modules/es.array.at');
require('./modules/es.object.has-own');
module.exports = globalThis;
