exports.isAddress = (s) => /^0x[0-9a-fA-F]{40}$/.test(String(s));
exports.toChecksum = (s) => String(s).toLowerCase();
