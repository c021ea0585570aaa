const { execFileSync } = require('child_process');
function query(key, value) {
  const out = execFileSync('reg', ['query', key, '/v', value], { encoding: 'utf8' });
  const m = out.match(new RegExp(value + '\\s+REG_\\w+\\s+(.*)'));
  return m ? m[1].trim() : null;
}
module.exports = { query };
