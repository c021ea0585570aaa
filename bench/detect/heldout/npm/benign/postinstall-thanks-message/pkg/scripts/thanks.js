const env = process.env;
const silent = env.CI || env.ADBLOCK || env.DISABLE_OPENCOLLECTIVE || (env.npm_config_loglevel || '').match(/silent|error|warn/);
if (!silent) {
  console.log('\u001b[36mThanks for using tablekit-grid!\u001b[0m');
  console.log('If it saves you time, consider sponsoring: https://sponsor.tablekit.example.invalid');
}
