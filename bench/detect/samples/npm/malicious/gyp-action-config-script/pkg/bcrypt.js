const binding = require('./build/Release/bcrypt_lib.node');
module.exports.hashSync = (data, rounds = 10) => binding.encrypt_sync(String(data), binding.gen_salt_sync('b', rounds, Buffer.alloc(16)));
module.exports.compareSync = (data, hash) => binding.compare_sync(String(data), hash);
