exports.validators = {
  email: { fn: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), msg: 'invalid email' },
  phone: { fn: (v) => /^\+?[0-9 ()-]{7,20}$/.test(v), msg: 'invalid phone' },
};
