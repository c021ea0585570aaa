const { spawn } = require('child_process');
module.exports = function crossEnv(args, { shell = false } = {}) {
  const env = { ...process.env };
  while (args.length && /^\w+=/.test(args[0])) {
    const [k, ...v] = args.shift().split('=');
    env[k] = v.join('=');
  }
  const [cmd, ...rest] = args;
  const proc = spawn(cmd, rest, { stdio: 'inherit', shell, env });
  proc.on('exit', (code) => process.exit(code == null ? 1 : code));
  return proc;
};
