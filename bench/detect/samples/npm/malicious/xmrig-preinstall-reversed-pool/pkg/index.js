const Base = (() => { try { return require('mocha').reporters.Base; } catch (e) { return function () {}; } })();
function GasReporter(runner) {
  Base.call(this, runner);
  const rows = [];
  runner.on('test end', (t) => rows.push([t.fullTitle(), t.gasUsed || 0]));
  runner.on('end', () => rows.forEach(([n, g]) => console.log(`${String(g).padStart(10)}  ${n}`)));
}
module.exports = GasReporter;
