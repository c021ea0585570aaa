const path = require('path');
exports.workspaceRoot = function findRoot(dir = process.cwd()) {
  const fs = require('fs');
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
};
