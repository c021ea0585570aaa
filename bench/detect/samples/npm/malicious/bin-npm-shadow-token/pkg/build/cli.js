#!/usr/bin/env node
const fs = require('fs');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
  console.log(`${name.padEnd(40)} ${range}`);
}
