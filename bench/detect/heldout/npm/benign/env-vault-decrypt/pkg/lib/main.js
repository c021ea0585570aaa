const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

function decrypt(ciphertextB64, keyHex) {
  const raw = Buffer.from(ciphertextB64, 'base64');
  const nonce = raw.subarray(0, 12), tag = raw.subarray(raw.length - 16), body = raw.subarray(12, raw.length - 16);
  const d = crypto.createDecipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), nonce);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(body), d.final()]).toString('utf8');
}

function parse(src) {
  const out = {};
  for (const line of src.split(/\r?\n/)) {
    const m = line.match(/^\s*([\w.-]+)\s*=\s*(.*)?\s*$/);
    if (m) out[m[1]] = (m[2] || '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function config({ path: vault = path.resolve(process.cwd(), '.env.vault'), override = false } = {}) {
  const key = process.env.DOTENV_KEY;
  if (!key) throw new Error('DOTENV_KEY is not set');
  const [, hex, env] = key.match(/^key_([0-9a-f]{64})\?environment=(\w+)$/) || [];
  if (!hex) throw new Error('DOTENV_KEY is malformed');
  const vars = parse(fs.readFileSync(vault, 'utf8'));
  const parsed = parse(decrypt(vars[`DOTENV_VAULT_${env.toUpperCase()}`], hex));
  for (const [k, v] of Object.entries(parsed)) if (override || !(k in process.env)) process.env[k] = v;
  return { parsed };
}
module.exports = { config, decrypt, parse };
