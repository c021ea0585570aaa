#!/usr/bin/env bash
# Builds the packages users install customs from, for this machine's platform:
#   OUT/wheels/customs-VERSION-py3-none-PLATFORM.whl   (maturin, `bindings = "bin"`)
#   OUT/npm/customs-VERSION.tgz                         (the launcher, biome's layout)
#   OUT/npm/customs-cli-PLATFORM-VERSION.tgz            (@customs/cli-PLATFORM: the binary)
# and checks them: the binary in both is stripped, and on Linux the wheel's manylinux tag
# is the one the binary's glibc symbol versions allow (read from the ELF, and confirmed
# with `auditwheel show` when auditwheel is there).
#
# usage: dist/build.sh [--profile release|dev|NAME] [--out DIR] [--features LIST]
#   --profile   cargo profile (default release). The tests package a dev build: a release
#               build takes 16+ minutes on two cores.
#   --features  cargo features passed to the build (the tests pass the ones their own
#               build of the binary has, so that nothing is compiled twice).
# Tools: maturin ($MATURIN, else on the PATH, else target/clients/maturin from
# scripts/clients-py.sh), npm, and strip/readelf from binutils on Linux.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile=release
out="$root/dist/out"
features=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --features) features="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "dist/build.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$root"

find_tool() {
  local name="$1" var="$2"
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  if command -v "$name" >/dev/null; then command -v "$name"; return; fi
  if [ -x "target/clients/$name/bin/$name" ]; then echo "$root/target/clients/$name/bin/$name"; return; fi
  echo "dist/build.sh: $name is needed: scripts/clients-py.sh installs it into target/clients" >&2
  exit 2
}
maturin="$(find_tool maturin MATURIN)"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
platform="$(node -p 'process.platform + "-" + process.arch')"
exe=customs
case "$platform" in win32-*) exe=customs.exe ;; esac
case "$profile" in dev) profile_dir=debug ;; *) profile_dir="$profile" ;; esac
target_dir="${CARGO_TARGET_DIR:-$root/target}"

echo "== wheel (maturin, profile $profile)"
rm -rf "$out/wheels" "$out/npm"
strip_flag=""
[ "$profile" = release ] && strip_flag=--strip
"$maturin" build --locked --profile "$profile" --out "$out/wheels" $strip_flag \
  ${features:+--features "$features"} >&2
wheel="$(ls "$out"/wheels/customs-"$version"-*.whl)"
binary="$target_dir/$profile_dir/$exe"
[ -x "$binary" ] || { echo "dist/build.sh: no binary at $binary" >&2; exit 2; }

# The wheel's copy of the binary, to check what users get.
check="$(mktemp -d)"
trap 'rm -rf "$check"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$wheel" "$check"
in_wheel="$(ls "$check"/customs-"$version".data/scripts/"$exe")"

if [ "$(uname -s)" = Linux ]; then
  # A release binary is stripped: no symbol table, no debug sections (the release profile
  # keeps line tables).
  if [ "$profile" = release ] && readelf -S --wide "$in_wheel" | grep -Eq '\.(symtab|debug_[a-z]+) '; then
    echo "dist/build.sh: the wheel's binary is not stripped" >&2; exit 1
  fi
  # The newest glibc symbol version the binary needs decides the manylinux tag.
  glibc="$(readelf -V --wide "$in_wheel" | grep -o 'GLIBC_[0-9]*\.[0-9]*' | sed 's/GLIBC_//' \
    | sort -t. -k1,1n -k2,2n | tail -1)"
  arch="$(uname -m)"
  expected="manylinux_${glibc%%.*}_${glibc##*.}_${arch}"
  tag="$(basename "$wheel" .whl | cut -d- -f5)"
  echo "binary needs glibc $glibc; wheel tag $tag"
  case ".$tag." in
    *".$expected."*) ;;
    *) echo "dist/build.sh: the wheel is tagged $tag, the binary needs $expected" >&2; exit 1 ;;
  esac
  if auditwheel="$(find_tool auditwheel AUDITWHEEL 2>/dev/null)"; then
    "$auditwheel" show "$wheel" | tee "$out/auditwheel.txt" >&2
    grep -q "manylinux_${glibc%%.*}_${glibc##*.}_${arch}" "$out/auditwheel.txt" \
      || { echo "dist/build.sh: auditwheel disagrees with the tag" >&2; exit 1; }
  fi
fi

echo "== npm packages ($platform)"
stage="$out/npm/stage"
mkdir -p "$stage"
cp -R dist/npm/customs "$stage/customs"
cp LICENSE-MIT LICENSE-APACHE "$stage/customs/"
# Every version is the crate's: the launcher's and each platform package's.
node - "$stage/customs/package.json" "$version" <<'JS'
const fs = require("fs");
const [file, version] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
pkg.version = version;
for (const dep of Object.keys(pkg.optionalDependencies)) pkg.optionalDependencies[dep] = version;
pkg.files.push("LICENSE-MIT", "LICENSE-APACHE");
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
JS
node -e '
  const deps = require(process.argv[1]).optionalDependencies;
  if (!(("@customs/cli-" + process.argv[2]) in deps)) {
    console.error("dist/build.sh: " + process.argv[2] + " is not among the launcher'"'"'s optional dependencies");
    process.exit(1);
  }' "$stage/customs/package.json" "$platform"

plat="$stage/cli-$platform"
mkdir -p "$plat"
cp "$in_wheel" "$plat/$exe"
chmod 755 "$plat/$exe"
# A dev binary is stripped here (the wheel's copy is cargo's own, for reuse by the tests).
[ "$profile" = release ] || [ "$exe" = customs.exe ] || strip "$plat/$exe"
cp dist/npm/platform/README.md LICENSE-MIT LICENSE-APACHE "$plat/"
node - "$plat/package.json" "$version" "$platform" "$exe" <<'JS'
const fs = require("fs");
const [file, version, platform, exe] = process.argv.slice(2);
const [os, cpu] = platform.split("-");
const pkg = {
  name: `@customs/cli-${platform}`,
  version,
  description: `The customs binary for ${os} ${cpu} (installed by the customs package)`,
  license: "MIT OR Apache-2.0",
  os: [os],
  cpu: [cpu],
  files: [exe, "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // Yarn berry and pnpm: keep the binary a real file on disk.
  preferUnplugged: true,
};
if (os === "linux") pkg.libc = ["glibc"];
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
JS
(cd "$stage/customs" && npm pack --silent --pack-destination "$out/npm" >/dev/null)
(cd "$plat" && npm pack --silent --pack-destination "$out/npm" >/dev/null)
rm -rf "$stage"

# Neither package may run anything at install time.
for tgz in "$out"/npm/*.tgz; do
  if tar -xOzf "$tgz" package/package.json | node -e '
      const s = JSON.parse(require("fs").readFileSync(0, "utf8")).scripts || {};
      process.exit(["preinstall", "install", "postinstall", "prepare"].some((k) => k in s) ? 0 : 1)'; then
    echo "dist/build.sh: $tgz has an install script" >&2; exit 1
  fi
done

echo "== built"
for f in "$wheel" "$out"/npm/*.tgz; do
  printf '%s\t%s bytes\n' "${f#"$out"/}" "$(wc -c <"$f" | tr -d ' ')"
done
