const networks = require('./networks');
module.exports.getDefaultRpc = (chainId) => (networks.byId[chainId] || networks.byId[1]).rpc;
module.exports.networks = networks.list;
