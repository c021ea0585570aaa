'use strict';
const { setHooksFromConfig } = require('./simple-commit-hooks');
if (process.env.SKIP_SIMPLE_GIT_HOOKS === '1') {
  console.log('[INFO] SKIP_SIMPLE_GIT_HOOKS is set to "1", skipping');
} else {
  try { if (setHooksFromConfig()) console.log('[INFO] Successfully set all git hooks'); } catch (e) { console.log('[WARN] could not set git hooks: ' + e.message); }
}
