#!/usr/bin/env python3
"""Per-artifact timings of customs and of GuardDog on the same artifacts, in one run.

    python3 bench/compare.py CUSTOMS_BIN CORPUS_DIR [--guarddog VENV] [--jobs 2]
                             [--batch TIME_FILE]

Scans every artifact of CORPUS_DIR/pypi and CORPUS_DIR/npm alone with customs (p50, p95,
max), then, with --guarddog, with `VENV/bin/guarddog pypi|npm scan PATH --output-format
json`, both with the same number of artifacts at once. Prints wall and CPU for each tool,
the ratios, and GuardDog's verdict table (risk_score.label). With --batch, the file that
`/usr/bin/time -f "%e %U %S %M"` wrote for one `customs scan` of the whole corpus, it also
prints GuardDog's time against that scan's. Nothing is installed or run from the
artifacts by either tool.
"""
import collections, json, os, resource, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_all(jobs, commands):
    """Runs the commands, `jobs` at a time; returns per-command (seconds, stdout), wall, CPU."""
    def one(cmd):
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True)
        return time.perf_counter() - start, out.stdout
    cpu0, wall0 = children_cpu(), time.perf_counter()
    with ThreadPoolExecutor(jobs) as ex:
        results = list(ex.map(one, commands))
    return results, time.perf_counter() - wall0, children_cpu() - cpu0


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main():
    args = sys.argv[1:]
    binary, corpus = args[0], args[1]
    venv = args[args.index("--guarddog") + 1] if "--guarddog" in args else None
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else 2
    artifacts = [(eco, os.path.join(corpus, eco, f)) for eco in ("pypi", "npm")
                 for f in sorted(os.listdir(os.path.join(corpus, eco)))]
    # customs gets one thread per artifact here, so that `jobs` artifacts run at once,
    # exactly like GuardDog below.
    res, wall, cpu = run_all(jobs, [[binary, "scan", "--format", "json", "-j", "1", p] for _, p in artifacts])
    times = [t for t, _ in res]
    print(f"customs, {len(artifacts)} artifacts, {jobs} at a time: {wall:.1f} s wall, {cpu:.1f} s CPU; "
          f"per artifact p50 {pct(times, 50):.3f} s, p95 {pct(times, 95):.3f} s, max {max(times):.3f} s")
    slow = sorted(zip(times, artifacts), reverse=True)[:10]
    print("  slowest: " + ", ".join(f"{os.path.basename(a[1])} {t:.2f} s" for t, a in slow))
    if not venv:
        return
    gd = os.path.join(venv, "bin", "guarddog")
    gres, gwall, gcpu = run_all(jobs, [[gd, eco, "scan", p, "--output-format", "json"] for eco, p in artifacts])
    gtimes = [t for t, _ in gres]
    print(f"GuardDog 3.2.0, same artifacts, {jobs} at a time: {gwall:.1f} s wall, {gcpu:.1f} s CPU; "
          f"per artifact p50 {pct(gtimes, 50):.3f} s, p95 {pct(gtimes, 95):.3f} s, max {max(gtimes):.3f} s")
    print(f"ratio GuardDog / customs: {gwall / wall:.1f}x wall, {gcpu / cpu:.1f}x CPU")
    if "--batch" in args:
        with open(args[args.index("--batch") + 1]) as f:
            bwall, buser, bsys = map(float, f.read().split()[:3])
        print(f"ratio GuardDog / one customs scan of the corpus: {gwall / bwall:.1f}x wall, "
              f"{gcpu / (buser + bsys):.1f}x CPU")
    labels = collections.defaultdict(collections.Counter)
    for (eco, _), (_, out) in zip(artifacts, gres):
        try:
            label = json.loads(out)["risk_score"]["label"]
        except (ValueError, KeyError, TypeError):
            label = "error"
        labels[eco][label] += 1
    for eco, c in sorted(labels.items()):
        print(f"GuardDog {eco}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))


if __name__ == "__main__":
    main()
