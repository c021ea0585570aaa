const { execFile } = require('child_process');
function nvidia() {
  return new Promise((resolve) => {
    execFile('nvidia-smi', ['--query-gpu=index,utilization.gpu,temperature.gpu,memory.used', '--format=csv,noheader,nounits'],
      (err, out) => resolve(err ? [] : out.trim().split('\n').map((l) => {
        const [index, util, temp, mem] = l.split(',').map((x) => Number(x.trim()));
        return { index, util, temp, mem };
      })));
  });
}
module.exports = { nvidia };
