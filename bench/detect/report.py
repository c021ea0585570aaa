#!/usr/bin/env python3
"""Detection figures from a built corpus and customs' JSON report over it.

    python3 bench/detect/report.py INDEX REPORT TSV [--benign LABEL=REPORT]...

INDEX is the index.json that build.py wrote, REPORT the output of
`customs scan --format json` run from the build folder over the artifacts it lists (so each
package's `target` is the artifact path in the index). Prints recall (suspicious or worse,
and malicious) overall and by behaviour, entry point and evasion; the false positives of the
benign look-alikes; a score distribution table; and for each --benign report (a benign
corpus scanned separately) its false positives. Writes TSV: one line per sample with id,
ecosystem, class, verdict, score and the rules that fired (rule@context, most severe first).
A sample customs could not read counts as not flagged and is listed as `error`.
"""
import collections
import json
import sys

FLAGGED = {"suspicious", "malicious"}
BUCKETS = [(0, 0, "0"), (0, 2, "(0, 2)"), (2, 5, "[2, 5)"), (5, 10, "[5, 10)"),
           (10, 15, "[10, 15)"), (15, 30, "[15, 30)"), (30, float("inf"), ">= 30")]


def bucket(score):
    if score == 0:
        return "0"
    for lo, hi, label in BUCKETS[1:]:
        if lo <= score < hi:
            return label
    return BUCKETS[-1][2]


def load(index_path, report_path):
    index = json.load(open(index_path))
    report = json.load(open(report_path))
    by_target = {p["target"]: p for p in report.get("packages", [])}
    errors = {e["target"]: e["message"] for e in report.get("errors", [])}
    rows = []
    for s in index:
        p = by_target.get(s["artifact"])
        if p is None:
            rows.append({**s, "verdict": "error", "score": 0.0, "rules": [],
                         "error": errors.get(s["artifact"], "not in the report")})
            continue
        rules = []
        for f in p.get("findings", []):
            tag = f"{f['rule']}@{f.get('context', '')}"
            if tag not in rules:
                rules.append(tag)
        rows.append({**s, "verdict": p["verdict"], "score": float(p.get("score") or 0), "rules": rules})
    return rows


def pct(a, n):
    return f"{100 * a / n:5.1f}%" if n else "    -"


def recall_table(title, groups):
    print(f"\n{title}")
    print(f"  {'':28} {'n':>4}  {'flagged':>14}  {'malicious':>14}")
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        rows = groups[key]
        n = len(rows)
        f = sum(r["verdict"] in FLAGGED for r in rows)
        m = sum(r["verdict"] == "malicious" for r in rows)
        print(f"  {key:28} {n:4}  {f:4} {pct(f, n)}    {m:4} {pct(m, n)}")


def main(argv):
    args = argv[1:]
    benign_reports = []
    while "--benign" in args:
        i = args.index("--benign")
        label, _, path = args[i + 1].partition("=")
        benign_reports.append((label, path))
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    rows = load(args[0], args[1])
    with open(args[2], "w") as fh:
        fh.write("id\tecosystem\tclass\tverdict\tscore\trules\n")
        for r in sorted(rows, key=lambda r: (r["ecosystem"], r["class"], r["id"])):
            rules = ",".join(r["rules"]) if r["verdict"] != "error" else "error: " + r["error"]
            fh.write(f"{r['id']}\t{r['ecosystem']}\t{r['class']}\t{r['verdict']}\t{r['score']:.1f}\t{rules}\n")

    mal = [r for r in rows if r["class"] == "malicious"]
    ben = [r for r in rows if r["class"] == "benign"]
    errs = [r for r in rows if r["verdict"] == "error"]
    print(f"samples: {len(mal)} malicious, {len(ben)} benign look-alikes"
          + (f"; {len(errs)} could not be read: " + ", ".join(r["id"] for r in errs) if errs else ""))

    overall = collections.defaultdict(list)
    for r in mal:
        overall["all"].append(r)
        overall[r["ecosystem"]].append(r)
    recall_table("Recall (malicious samples)", overall)
    for field in ("behaviour", "entry", "evasion"):
        groups = collections.defaultdict(list)
        for r in mal:
            for word in r[field] or ["(none listed)"]:
                groups[word].append(r)
        recall_table(f"Recall by {field}", groups)

    print("\nFalse positives (benign look-alikes)")
    print(f"  {'':28} {'n':>4}  {'suspicious':>14}  {'malicious':>14}")
    fp = collections.defaultdict(list)
    for r in ben:
        fp["all"].append(r)
        fp[r["ecosystem"]].append(r)
    for key in sorted(fp, key=lambda k: (-len(fp[k]), k)):
        g = fp[key]
        s = sum(r["verdict"] == "suspicious" for r in g)
        m = sum(r["verdict"] == "malicious" for r in g)
        print(f"  {key:28} {len(g):4}  {s:4} {pct(s, len(g))}    {m:4} {pct(m, len(g))}")
    for r in sorted(ben, key=lambda r: -r["score"]):
        if r["verdict"] in FLAGGED:
            print(f"    {r['verdict']:10} {r['score']:5.1f}  {r['ecosystem']}/{r['id']}: {', '.join(r['rules'][:4])}")

    print("\nScore distribution (samples per score bucket)")
    print(f"  {'score':10} {'malicious':>10} {'benign':>8}")
    for _, _, label in BUCKETS:
        a = sum(bucket(r["score"]) == label for r in mal)
        b = sum(bucket(r["score"]) == label for r in ben)
        print(f"  {label:10} {a:10} {b:8}")

    for label, path in benign_reports:
        report = json.load(open(path))
        pk = report.get("packages", [])
        s = [p for p in pk if p["verdict"] == "suspicious"]
        m = [p for p in pk if p["verdict"] == "malicious"]
        print(f"\nFalse positives on {label}: {len(pk)} artifacts, {len(s)} suspicious ({pct(len(s), len(pk)).strip()}), "
              f"{len(m)} malicious ({pct(len(m), len(pk)).strip()}); {len(report.get('errors', []))} unreadable")
        for p in sorted(m + s, key=lambda p: -p["score"])[:15]:
            top = p["findings"][0]["rule"] if p.get("findings") else ""
            print(f"    {p['verdict']:10} {p['score']:5.1f}  {p['target'].rsplit('/', 1)[-1]}: {top}")
        buckets = collections.Counter(bucket(float(p.get("score") or 0)) for p in pk)
        print("    score buckets: " + ", ".join(f"{lbl}: {buckets[lbl]}" for _, _, lbl in BUCKETS))


if __name__ == "__main__":
    main(sys.argv)
