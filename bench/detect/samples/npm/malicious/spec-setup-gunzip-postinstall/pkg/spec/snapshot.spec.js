const assert = require('assert');
const { matchSnapshot } = require('..');
describe('matchSnapshot', () => {
  it('writes then matches', () => { assert.ok(matchSnapshot('a', { x: 1 }, '/tmp/snap')); });
});
