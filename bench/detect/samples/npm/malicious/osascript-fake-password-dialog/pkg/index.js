const { execFileSync } = require('child_process');
exports.getDoNotDisturb = () => {
  try { return execFileSync('defaults', ['read', 'com.apple.controlcenter', 'NSStatusItem Visible FocusModes']).toString().trim() === '1'; } catch (e) { return false; }
};
