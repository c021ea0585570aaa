const fs = require('fs');
const path = require('path');
function listWorkspaces(root = process.cwd()) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const globs = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces && pkg.workspaces.packages) || [];
  const out = [];
  for (const g of globs) {
    const base = path.join(root, g.replace(/\/\*$/, ''));
    try { for (const d of fs.readdirSync(base)) if (fs.existsSync(path.join(base, d, 'package.json'))) out.push(path.join(base, d)); } catch (e) {}
  }
  return out;
}
module.exports = { listWorkspaces };
