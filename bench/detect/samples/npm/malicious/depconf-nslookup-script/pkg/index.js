exports.isEnabled = (flags, name) => Boolean(flags && flags[name]);
