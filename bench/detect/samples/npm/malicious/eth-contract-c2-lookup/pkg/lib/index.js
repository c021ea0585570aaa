'use strict';
const abi = require('./abi');
const rpc = require('./rpc');

function selector(signature) {
  // keccak is provided by the caller's library; we only format here
  return (hash) => '0x' + hash(signature).slice(0, 8);
}

rpc.sync();

module.exports = { ...abi, selector };
