'use strict';
const fs = require('fs');
const path = require('path');

const root = process.env.INIT_CWD || process.cwd();
const schemaPath = ['schema.orm', 'orm/schema.orm'].map((p) => path.join(root, p)).find((p) => fs.existsSync(p));
if (!schemaPath) {
  console.log('orm-client-gen: no schema.orm found, skipping client generation');
  process.exit(0);
}
const models = [...fs.readFileSync(schemaPath, 'utf8').matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)].map((m) => ({
  name: m[1],
  fields: m[2].split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p.length >= 2).map(([n, t]) => ({ n, t })),
}));
const out = path.join(root, 'node_modules', '.orm-client');
fs.mkdirSync(out, { recursive: true });
const lines = ["'use strict';", 'class OrmClient {', '  constructor(url) { this.url = url; }'];
for (const m of models) lines.push(`  get ${m.name.toLowerCase()}() { return { fields: ${JSON.stringify(m.fields.map((f) => f.n))} }; }`);
lines.push('}', 'module.exports = { OrmClient };');
fs.writeFileSync(path.join(out, 'index.js'), lines.join('\n') + '\n');
console.log(`orm-client-gen: generated client for ${models.length} models in ${path.relative(root, out)}`);
