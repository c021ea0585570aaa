const path = require('path');
function workspaceRoot(start = process.cwd()) {
  let dir = start;
  while (dir !== path.dirname(dir)) {
    try { require.resolve(path.join(dir, 'monotool.json')); return dir; } catch (e) { dir = path.dirname(dir); }
  }
  return start;
}
module.exports = { workspaceRoot };
