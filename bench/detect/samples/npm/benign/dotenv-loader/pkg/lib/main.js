const fs = require('fs');
const path = require('path');
const LINE = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?$/mg;
function parse(src) {
  const obj = {};
  let m;
  const lines = src.toString().replace(/\r\n?/mg, '\n');
  while ((m = LINE.exec(lines)) != null) {
    let value = (m[2] || '').trim();
    const q = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2');
    if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    obj[m[1]] = value;
  }
  return obj;
}
function config(options = {}) {
  const file = options.path || path.resolve(process.cwd(), '.env');
  try {
    const parsed = parse(fs.readFileSync(file, { encoding: options.encoding || 'utf8' }));
    for (const k of Object.keys(parsed)) if (options.override || !(k in process.env)) process.env[k] = parsed[k];
    return { parsed };
  } catch (e) {
    if (options.debug) console.error(`[dotenv-lite] failed to load ${file}: ${e.message}`);
    return { error: e };
  }
}
module.exports = { parse, config };
