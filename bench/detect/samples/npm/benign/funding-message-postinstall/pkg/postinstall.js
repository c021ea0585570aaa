var env = process.env;
var ADBLOCK = is(env.ADBLOCK);
var COLOR = is(env.npm_config_color);
var DISABLE_OPENCOLLECTIVE = is(env.DISABLE_OPENCOLLECTIVE);
var SILENT = ['silent', 'error', 'warn'].indexOf(env.npm_config_loglevel) !== -1;
var OPEN_SOURCE_CONTRIBUTOR = is(env.OPEN_SOURCE_CONTRIBUTOR);
var CI = is(env.CI);
var BANNER = '\u001B[96mThank you for using core-polyfills-x for polyfilling JavaScript standard library!\u001B[0m\n\n' +
  '\u001B[96mThe project needs your help! Please consider supporting it on Open Collective:\u001B[0m\n' +
  '\u001B[94m> https://opencollective.example.invalid/core-polyfills \u001B[0m\n';
function is(it) { return !!it && it !== '0' && it !== 'false'; }
if (!ADBLOCK && !CI && !DISABLE_OPENCOLLECTIVE && !SILENT && !OPEN_SOURCE_CONTRIBUTOR) {
  console.log(COLOR ? BANNER : BANNER.replace(/\u001B\[\d+m/g, ''));
}
