const { calledWithFn } = require('../__tests__/helpers');

function mock(defaults = {}) {
  const store = { ...defaults };
  return new Proxy(store, {
    get(target, prop) {
      if (!(prop in target)) target[prop] = calledWithFn();
      return target[prop];
    },
  });
}
function mockDeep(defaults = {}) { return mock(defaults); }
module.exports = { mock, mockDeep, calledWithFn };
