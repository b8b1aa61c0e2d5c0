#!/usr/bin/env python3
"""Side-by-side benchmark: partnergraph against DuckDB, NetworkX and python-igraph (issues 5, 13).

usage: run_bench.py --build BUILD [--sizes 10000,100000,1000000] [--crunchbase]
                    [--reps 5] [--reps-large 3] [--peer-betweenness quick|full|none] [--shared DIR]
       run_bench.py --build BUILD --setup-peers     (only install the DuckDB peer, then stop)

Inputs come from ../shared/bench/gen_graph.py (seed 42, cached under BUILD/bench-data/) and
../shared/data/crunchbase. For every input, partnergraph and the peers run in the same
session, alternating, several times; the table shows medians per phase, peak memory and the
ratio peer/partnergraph. Before any timing counts, the answers must agree: partnergraph's
dual-backing and shared-channel findings are compared as sets with the peers' (which report
per rival pair), and DuckDB's JSON lines must equal NetworkX's line for line; a difference
stops the bench with exit status 1.

The DuckDB peer (../shared/bench/peers/duckdb, Node.js) is copied to BUILD/bench-peers/duckdb
and `npm ci` is run there once (the shared kit stays read-only). Without Node.js or npm the
bench says so and runs without the DuckDB column.

Then, per input, the snapshot row: the CSVs are converted to BUILD/bench-data/NAME.pgraph once,
and `exposure X` (the company with the most edges) and the two-pass analyze are timed on the
snapshot and on the CSVs; their outputs must be identical.

Exit status: 0 done (targets met or not: the report says), 1 answers differ or a run failed,
3 ../shared (the benchmark kit beside the checkout) is missing.
"""
import argparse
import collections
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
PY = "/usr/bin/python3"
PASSES = "dual-backing,shared-channel"


def shown(path):
    """A path as the report prints it: relative to the repository, never a machine's absolute path."""
    return os.path.relpath(path, REPO)


def die(code, message):
    print(f"run_bench: {message}", file=sys.stderr)
    sys.exit(code)


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1048576:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} cores (nproc), {model}, {mem} RAM, {platform.system()} {platform.release()}, "
            f"load average {load:.1f} at start")


def run(cmd, stdout_path=None):
    """Runs cmd; returns (wall seconds, peak RSS KiB, stderr text, exit code)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdout_path:
        out.close()
    return wall, usage.ru_maxrss, err.decode("utf-8", "replace"), proc.returncode


def phases(stderr):
    """{'load': (seconds, maxrss_kb), ...} from `phase=... seconds=... maxrss_kb=...` lines."""
    found = {}
    for line in stderr.splitlines():
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        if "phase" in fields and "seconds" in fields:
            found[fields["phase"]] = (float(fields["seconds"]), int(fields.get("maxrss_kb", 0)))
    return found


# ---------------------------------------------------------------------------------------------
# inputs


def generate(size, data_dir):
    out = os.path.join(data_dir, f"g{size}")
    if not (os.path.exists(os.path.join(out, "nodes.csv")) and os.path.exists(os.path.join(out, "edges.csv"))):
        print(f"generating {size} edges into {out} ...", file=sys.stderr, flush=True)
        subprocess.run([PY, os.path.join(SHARED, "bench", "gen_graph.py"), "--edges", str(size), "--out", out,
                        "--seed", "42"], check=True)
    return out


def crunchbase_markets(data_dir):
    """Crunchbase with rivals = every company of the same category: nodes.csv gets a `markets`
    column (category_code), edges.csv keeps the investments. Built from the shared tables; never
    copied into the repository."""
    src = os.path.join(SHARED, "data", "crunchbase")
    out = os.path.join(data_dir, "crunchbase-markets")
    if os.path.exists(os.path.join(out, "edges.csv")):
        return out
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(src, "graph", "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    category = {}
    with open(os.path.join(src, "companies.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name, cat = r["name"].strip(), r["category_code"].strip()
            if cat and name not in category:
                category[name] = cat
    with open(os.path.join(out, "nodes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind", "markets"])
        for n in nodes:
            w.writerow([n["id"], n["name"], n["kind"], category.get(n["name"], "") if n["kind"] == "company" else ""])
    with open(os.path.join(src, "graph", "edges.csv"), newline="", encoding="utf-8") as f, \
            open(os.path.join(out, "edges.csv"), "w", newline="", encoding="utf-8") as g:
        w = csv.writer(g, lineterminator="\n")
        r = csv.reader(f)
        w.writerow(next(r))
        for row in r:
            if row[2] == "investment":
                w.writerow(row)
    return out


# ---------------------------------------------------------------------------------------------
# the DuckDB peer


DUCKDB_FILES = ("package.json", "package-lock.json", "passes.mjs")


def setup_duckdb(build):
    """Copies the DuckDB peer out of the read-only shared kit into BUILD/bench-peers/duckdb and
    installs its package there once. Returns the path of passes.mjs, or None with the reason."""
    src = os.path.join(SHARED, "bench", "peers", "duckdb")
    if not os.path.isdir(src):
        return None, f"{shown(src)} is missing"
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "Node.js or npm is not installed (tools/bootstrap.sh --bench installs them)"
    dest = os.path.join(build, "bench-peers", "duckdb")
    os.makedirs(dest, exist_ok=True)
    changed = False
    for name in DUCKDB_FILES:
        with open(os.path.join(src, name), "rb") as f:
            want = f.read()
        target = os.path.join(dest, name)
        have = open(target, "rb").read() if os.path.exists(target) else None
        if have != want:
            with open(target, "wb") as f:
                f.write(want)
            changed = changed or name != "passes.mjs"
    if changed or not os.path.isdir(os.path.join(dest, "node_modules", "@duckdb", "node-api")):
        print(f"installing the DuckDB peer in {shown(dest)} (npm ci) ...", file=sys.stderr, flush=True)
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=dest,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            return None, "npm ci failed: " + done.stderr.decode("utf-8", "replace").strip()[-400:]
    return os.path.join(dest, "passes.mjs"), None


def peer_lines(path):
    """The peer's dual_backing and shared_channel JSON lines, as written."""
    with open(path, encoding="utf-8") as f:
        return [line for line in f if '"pass": "dual_backing"' in line or '"pass": "shared_channel"' in line]


# ---------------------------------------------------------------------------------------------
# the snapshot row


def busiest_company(folder):
    """The company with the most edges: exposure's worst case among companies."""
    kind = {}
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            kind[r["id"]] = r["kind"]
    degree = collections.Counter()
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            degree[r["source"]] += 1
            degree[r["target"]] += 1
    return max((d, n) for n, d in degree.items() if kind.get(n) == "company")[1]


def snapshot_row(pg, name, nodes, edges, data_dir, work, reps):
    """Times exposure and the two-pass analyze on a snapshot against the CSVs; None on failure."""
    snapshot = os.path.join(data_dir, f"{name}.pgraph")
    wall, peak, err, code = run([pg, "convert", nodes, edges, "-o", snapshot, "--quiet"])
    if code != 0:
        print(f"FAILED: convert to {shown(snapshot)}\n{err}", file=sys.stderr)
        return None
    company = busiest_company(os.path.dirname(nodes))
    queries = {
        f"`exposure {company}`": lambda inputs: [pg, "exposure", company, *inputs, "--quiet"],
        f"`analyze --pass {PASSES}`": lambda inputs: [pg, "analyze", *inputs, "--pass", PASSES, "--top", "0",
                                                       "--format", "json", "--quiet"],
    }
    rows = []
    for label, command in queries.items():
        times = {"csv": [], "snapshot": []}
        peaks = {"csv": [], "snapshot": []}
        outputs = {}
        for _ in range(reps):
            for key, inputs in (("csv", [nodes, edges]), ("snapshot", [snapshot])):
                out = os.path.join(work, f"{name}.query.{key}.out")
                t, rss, err, code = run(command(inputs), out)
                if code != 0:
                    print(f"FAILED: {' '.join(command(inputs))} exited {code}\n{err}", file=sys.stderr)
                    return None
                times[key].append(t)
                peaks[key].append(rss)
                with open(out, "rb") as f:
                    outputs[key] = f.read()
        if outputs["csv"] != outputs["snapshot"]:
            print(f"ANSWERS DIFFER: {label} on the snapshot and on the CSVs of {name}", file=sys.stderr)
            return None
        rows.append((label, median(times["csv"]), median(times["snapshot"]), median(peaks["csv"]) / 1024,
                     median(peaks["snapshot"]) / 1024))
    print(f"\n| query (same output) | on the CSVs | on the snapshot | CSV/snapshot | peak CSV | peak snapshot |")
    print("|---|---|---|---|---|---|")
    for label, on_csv, on_snap, peak_csv, peak_snap in rows:
        print(f"| {label} | {fmt_s(on_csv)} | {fmt_s(on_snap)} | {ratio(on_csv, on_snap)} | {peak_csv:.0f} MiB | "
              f"{peak_snap:.0f} MiB |")
    print(f"snapshot {shown(snapshot)}: {os.path.getsize(snapshot) / 1e6:.1f} MB, written by convert in {fmt_s(wall)} "
          f"(peak {peak / 1024:.0f} MiB)")
    return {"exposure_csv": rows[0][1], "exposure_snapshot": rows[0][2], "analyze_csv": rows[1][1],
            "analyze_snapshot": rows[1][2], "snapshot_mb": os.path.getsize(snapshot) / 1e6}


# ---------------------------------------------------------------------------------------------
# answers


def ours_as_sets(json_path):
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    dual, shared = {}, {}
    for finding in doc["findings"]:
        subjects = finding["subjects"]
        target = dual if finding["pass"] == "dual-backing" else shared if finding["pass"] == "shared-channel" else None
        if target is not None:
            target[subjects[0]] = frozenset(subjects[1:])
    return dual, shared


def peer_as_sets(jsonl_path):
    """Per investor: the union of the rival pairs it backs both of; per platform: its rivals."""
    dual, shared, top = {}, {}, None
    with open(jsonl_path, encoding="utf-8") as f:
        for line in f:
            x = json.loads(line)
            if x["pass"] == "dual_backing":
                for investor in x["investors"]:
                    dual.setdefault(investor, set()).update((x["a"], x["b"]))
            elif x["pass"] == "shared_channel":
                shared[x["platform"]] = frozenset(x["rivals"])
            elif x["pass"] == "betweenness":
                top = x["top"]
    return {k: frozenset(v) for k, v in dual.items()}, shared, top


def markets_as_sets(folder):
    """Independent check for the market input: an investor backs the investees that share a
    market with another of its investees (grouping, never pairs)."""
    market = {}
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["markets"]:
                market[r["id"]] = r["markets"]
    invested = {}
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["source"] != r["target"]:
                invested.setdefault(r["source"], set()).add(r["target"])
    dual = {}
    for investor, companies in invested.items():
        by_market = {}
        for c in companies:
            if c in market:
                by_market.setdefault(market[c], set()).add(c)
        rivals = set().union(*[s for s in by_market.values() if len(s) >= 2]) if by_market else set()
        if len(rivals) >= 2:
            dual[investor] = frozenset(rivals)
    return dual


def diff(label, ours, theirs):
    problems = []
    for key in sorted(set(ours) | set(theirs)):
        a, b = ours.get(key), theirs.get(key)
        if a != b:
            problems.append(f"  {label} {key}: partnergraph {sorted(a) if a else None} vs peer "
                            f"{sorted(b) if b else None}")
    return problems


# ---------------------------------------------------------------------------------------------


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_s(v):
    return "n/a" if v is None else (f"{v:.3f} s" if v < 10 else f"{v:.1f} s")


def ratio(peer, ours):
    return "" if peer is None or not ours else f"{peer / ours:.0f}x" if peer / ours >= 10 else f"{peer / ours:.1f}x"


def main():
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--crunchbase", action="store_true")
    ap.add_argument("--reps", type=int, default=5, help="runs per tool and input (default 5)")
    ap.add_argument("--reps-large", type=int, default=3, help="runs at 1M edges (default 3)")
    ap.add_argument("--peer-betweenness", choices=["quick", "full", "none"], default=None,
                    help="quick: igraph exact at 10k only; full: also igraph exact at 100k and "
                         "Crunchbase (84 s and 122 s); default: full when 1M is in --sizes")
    ap.add_argument("--setup-peers", action="store_true", help="install the DuckDB peer under BUILD, then stop")
    ap.add_argument("--shared", default=SHARED, help="the benchmark kit (default: ../shared beside the checkout; "
                                                     "a git worktree elsewhere names it)")
    a = ap.parse_args()
    SHARED = os.path.abspath(a.shared)

    if not os.path.isdir(os.path.join(SHARED, "bench", "peers")):
        die(3, f"the shared benchmark kit is missing: expected {SHARED}/bench (gen_graph.py, peers/) beside "
               f"the checkout. The bench needs it for inputs and peers; nothing was run.")
    build = os.path.abspath(a.build)
    duckdb, no_duckdb = setup_duckdb(build)
    if a.setup_peers:
        if not duckdb:
            die(1, f"the DuckDB peer cannot run: {no_duckdb}")
        print(f"DuckDB peer ready: {shown(duckdb)}")
        return
    pg = os.path.join(build, "bin", "partnergraph")
    if not os.access(pg, os.X_OK):
        die(1, f"{pg} not found: build first (make build)")
    sizes = [int(s) for s in a.sizes.split(",") if s]
    peer_bc = a.peer_betweenness or ("full" if 1000000 in sizes else "quick")
    data_dir = os.path.join(build, "bench-data")
    work = os.path.join(build, "bench-out")
    os.makedirs(work, exist_ok=True)
    has_centrality = subprocess.run([pg, "centrality", "--help"], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL).returncode == 0

    print(f"# partnergraph bench, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"machine: {machine()}")
    print(f"partnergraph: {shown(pg)} (centrality {'built' if has_centrality else 'not built'}); peers: "
          f"{shown(SHARED)}/bench/peers with {PY}")
    if duckdb:
        version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
        print(f"DuckDB peer: {shown(duckdb)} (@duckdb/node-api, Node.js {version}, --threads 2)")
    else:
        print(f"DuckDB peer: NOT RUN: {no_duckdb}")

    inputs = [(f"{s // 1000}k" if s < 1000000 else f"{s // 1000000}M", generate(s, data_dir), s) for s in sizes]
    if a.crunchbase:
        inputs.append(("Crunchbase", os.path.join(SHARED, "data", "crunchbase", "graph"), None))
    failed = False
    summary = {}

    for name, folder, size in inputs:
        nodes, edges = os.path.join(folder, "nodes.csv"), os.path.join(folder, "edges.csv")
        reps = a.reps_large if size and size >= 1000000 else a.reps
        tools = {
            # --top 0: every finding, as the peers report them all (the default keeps 20 a pass).
            "partnergraph": [pg, "analyze", nodes, edges, "--pass", PASSES, "--top", "0", "--format", "json",
                             "--timings", "--quiet"],
            "networkx": [PY, os.path.join(SHARED, "bench", "peers", "networkx_passes.py"), nodes, edges, "--bc", "skip"],
            "igraph": [PY, os.path.join(SHARED, "bench", "peers", "igraph_passes.py"), nodes, edges, "--bc", "skip"],
        }
        if duckdb:
            tools["duckdb"] = ["node", duckdb, nodes, edges, "--threads", "2"]
        samples = {t: [] for t in tools}
        print(f"\n## {name}: {shown(folder)}  ({reps} runs each, alternating)", flush=True)
        cat = []
        for rep in range(reps):
            cat.append(run(["cat", nodes, edges])[0])
            order = list(tools) if rep % 2 == 0 else list(reversed(tools))
            for tool in order:
                out = os.path.join(work, f"{name}.{tool}.out")
                wall, rss, err, code = run(tools[tool], out)
                if code != 0:
                    print(f"FAILED: {' '.join(tools[tool])} exited {code}\n{err}", file=sys.stderr)
                    failed = True
                    continue
                samples[tool].append((wall, rss, phases(err)))
        if failed:
            break

        # Same answers first.
        ours_dual, ours_shared = ours_as_sets(os.path.join(work, f"{name}.partnergraph.out"))
        problems = []
        peers = (["duckdb"] if duckdb else []) + ["networkx", "igraph"]
        for peer in peers:
            dual, shared, _ = peer_as_sets(os.path.join(work, f"{name}.{peer}.out"))
            found = diff("dual-backing", ours_dual, dual) + diff("shared-channel", ours_shared, shared)
            if found:
                problems += [f"{peer}:"] + found
        if duckdb and peer_lines(os.path.join(work, f"{name}.duckdb.out")) != \
                peer_lines(os.path.join(work, f"{name}.networkx.out")):
            problems.append("duckdb: its dual_backing / shared_channel JSON lines differ from networkx's")
        if problems:
            print("ANSWERS DIFFER (partnergraph vs peers):\n" + "\n".join(problems[:40]), file=sys.stderr)
            print(f"ANSWERS DIFFER on {name}: see above", flush=True)
            failed = True
            break
        print(f"answers agree: {len(ours_dual)} investors backing rivals, {len(ours_shared)} channels carrying "
              f"rivals (partnergraph = {' = '.join(peers)}, compared as sets"
              f"{'; duckdb = networkx line for line' if duckdb else ''})")

        def med(tool, phase_names):
            values = []
            for wall, rss, ph in samples[tool]:
                vals = [ph[p][0] for p in phase_names if p in ph]
                values.append(sum(vals) if vals else None)
            return median(values)

        # phase: partnergraph's phase names, then each peer's (duckdb and the Python peers share theirs).
        rows = [
            ("load", ["load", "view"], ["load"]),
            ("dual-backing", ["dual-backing"], ["dual_backing"]),
            ("shared-channel", ["shared-channel"], ["shared_channels"]),
            ("output (JSON)", ["output"], []),
        ]
        print(f"\n| phase | partnergraph | " + " | ".join(peers) + " | " + " | ".join(f"{p}/pg" for p in peers) + " |")
        print("|---|---|" + "---|" * (2 * len(peers)))
        result = {}
        for label, ours_p, peer_p in rows:
            o = med("partnergraph", ours_p)
            theirs = [med(p, peer_p) if peer_p else None for p in peers]
            result[label] = o
            print(f"| {label} | {fmt_s(o)} | " + " | ".join(fmt_s(t) for t in theirs) + " | " +
                  " | ".join(ratio(t, o) for t in theirs) + " |")
        whole = {t: median([w for w, _, _ in samples[t]]) for t in tools}
        rss = {t: median([r for _, r, _ in samples[t]]) for t in tools}
        result["whole"] = whole["partnergraph"]
        result["rss_mib"] = rss["partnergraph"] / 1024
        result["cat"] = median(cat)
        result["peer_whole"] = whole
        print(f"| **whole process** | {fmt_s(whole['partnergraph'])} | " +
              " | ".join(fmt_s(whole[p]) for p in peers) + " | " +
              " | ".join(ratio(whole[p], whole["partnergraph"]) for p in peers) + " |")
        print(f"| peak memory | {rss['partnergraph'] / 1024:.0f} MiB | " +
              " | ".join(f"{rss[p] / 1024:.0f} MiB" for p in peers) + " | " +
              " | ".join(ratio(rss[p], rss["partnergraph"]) for p in peers) + " |")
        print(f"| `cat` floor | {fmt_s(median(cat))} |" + " |" * (2 * len(peers)))

        snap = snapshot_row(pg, name, nodes, edges, data_dir, work, reps)
        if snap is None:
            failed = True
            break
        result["snapshot"] = snap

        # Every pass with the defaults, beside the two-pass run: no pass may quietly fall off the line.
        all_out = os.path.join(work, f"{name}.partnergraph.all.out")
        # Both with the defaults (--top 20 a pass), alternating, so that the ratios compare like with like.
        all_cmd = [pg, "analyze", nodes, edges, "--format", "json", "--timings", "--quiet"]
        two_out = os.path.join(work, f"{name}.partnergraph.two.out")
        two_cmd = [pg, "analyze", nodes, edges, "--pass", PASSES, "--format", "json", "--timings", "--quiet"]
        all_runs, two_runs = [], []
        for _ in range(max(1, reps // 2)):
            for cmd, out_path, runs in ((two_cmd, two_out, two_runs), (all_cmd, all_out, all_runs)):
                wall, peak, err, code = run(cmd, out_path)
                if code != 0:
                    print(f"FAILED: {' '.join(cmd)} exited {code}\n{err}", file=sys.stderr)
                    failed = True
                    break
                runs.append((wall, peak, phases(err)))
            if failed:
                break
        if failed:
            break
        two_bytes = os.path.getsize(two_out)
        two_wall = median([w for w, _, _ in two_runs])
        two_rss = median([r for _, r, _ in two_runs])
        all_bytes = os.path.getsize(all_out)
        all_wall = median([w for w, _, _ in all_runs])
        all_rss = median([r for _, r, _ in all_runs])
        result["all_whole"], result["all_rss_mib"] = all_wall, all_rss / 1024
        result["two_whole"], result["two_rss_mib"] = two_wall, two_rss / 1024
        result["all_bytes"], result["two_bytes"] = all_bytes, two_bytes
        print(f"\n| partnergraph run | time | peak memory | JSON output |")
        print("|---|---|---|---|")
        print(f"| `--pass {PASSES}`, defaults | {fmt_s(two_wall)} | {two_rss / 1024:.0f} MiB | "
              f"{two_bytes / 1e6:.1f} MB |")
        print(f"| all passes, defaults | {fmt_s(all_wall)} | {all_rss / 1024:.0f} MiB | {all_bytes / 1e6:.1f} MB |")
        print(f"| all / two | {all_wall / two_wall:.1f}x | {all_rss / two_rss:.1f}x | "
              f"{all_bytes / max(two_bytes, 1):.1f}x |")
        slowest = sorted(((sec, ph) for ph, (sec, _) in all_runs[-1][2].items()), reverse=True)[:4]
        print("slowest phases of the all-pass run: " + ", ".join(f"{ph} {fmt_s(sec)}" for sec, ph in slowest))

        # Betweenness: ours when built; peers where the issue's table runs them.
        bc_mode = None
        if size is not None and size <= 100000 or size is None:
            bc_mode = ["--top", "10"]
        else:
            bc_mode = ["--samples", "256", "--seed", "1", "--top", "10"]
        ours_bc = None
        if has_centrality:
            out = os.path.join(work, f"{name}.centrality.out")
            wall, _, err, code = run([pg, "centrality", nodes, edges, *bc_mode, "--format", "json", "--quiet"], out)
            if code == 0:
                ours_bc = wall
                result["betweenness"] = wall
                result["betweenness_mode"] = "sampled K=256" if "--samples" in bc_mode else "exact"
        run_igraph = (size == 10000) or (peer_bc == "full" and (size == 100000 or size is None))
        ig_bc = None
        if run_igraph:
            out = os.path.join(work, f"{name}.igraph-bc.out")
            wall, _, err, code = run([PY, os.path.join(SHARED, "bench", "peers", "igraph_passes.py"), nodes, edges,
                                      "--bc", "exact"], out)
            if code == 0:
                ig_bc = phases(err).get("betweenness", (None,))[0]
                result["igraph_betweenness"] = ig_bc
                _, _, top = peer_as_sets(out)
                if has_centrality and ours_bc is not None:
                    with open(os.path.join(work, f"{name}.centrality.out")) as f:
                        ours_top = json.load(f).get("top")
                    same = ours_top is not None and [t[0] for t in ours_top] == [t[0] for t in top] and all(
                        abs(x[1] - y[1]) <= 1e-6 * max(1.0, abs(y[1])) for x, y in zip(ours_top, top))
                    print(f"betweenness top 10 {'agrees' if same else 'DIFFERS'} with igraph exact")
                    if not same:
                        failed = True
        ours_label = fmt_s(ours_bc) + (f" ({result.get('betweenness_mode')})" if ours_bc else "") \
            if has_centrality else "n/a (centrality not built)"
        print(f"| betweenness | {ours_label} | not run | {fmt_s(ig_bc) + ' exact' if ig_bc else 'not run'} | | "
              f"{ratio(ig_bc, ours_bc) if ours_bc and ig_bc else ''} |")
        summary[name] = result

    if not failed and a.crunchbase:
        folder = crunchbase_markets(data_dir)
        nodes, edges = os.path.join(folder, "nodes.csv"), os.path.join(folder, "edges.csv")
        times, ph_dual = [], []
        out = os.path.join(work, "crunchbase-markets.partnergraph.out")
        for _ in range(a.reps):
            wall, rss, err, code = run([pg, "analyze", nodes, edges, "--pass", "dual-backing", "--top", "0", "--format", "json",
                                        "--timings", "--quiet"], out)
            if code != 0:
                print(f"FAILED on crunchbase-markets:\n{err}", file=sys.stderr)
                failed = True
                break
            times.append(wall)
            ph_dual.append(phases(err)["dual-backing"][0])
        if not failed:
            ours_dual, _ = ours_as_sets(out)
            expected = markets_as_sets(folder)
            problems = diff("dual-backing", ours_dual, expected)
            if problems:
                print("ANSWERS DIFFER on crunchbase-markets:\n" + "\n".join(problems[:20]), file=sys.stderr)
                failed = True
            else:
                summary["crunchbase-markets"] = {"whole": median(times), "dual": median(ph_dual)}
                print(f"\n## Crunchbase, rivals = every company of its category (no top-30 cut)\n"
                      f"dual-backing {fmt_s(median(ph_dual))}, whole process {fmt_s(median(times))}, "
                      f"{len(ours_dual)} investors backing rivals (agrees with a grouping check in Python); "
                      f"the peers' pairwise method is not run (a category is a clique of up to ~10^6 pairs)")

    if not failed:
        example = os.path.join(REPO, "examples", "ai-cloud-2026")
        ex = [run([pg, "analyze", example, "--quiet"])[0] for _ in range(a.reps)]
        summary["example"] = median(ex)
        print(f"\nexample (examples/ai-cloud-2026, all passes): {fmt_s(median(ex))} whole process")
        report_targets(summary, sizes)
    sys.exit(1 if failed else 0)


def line(ok, text):
    print(f"- {'MET' if ok else 'NOT MET' if ok is False else 'n/a'}: {text}")


def report_issue13(summary):
    print("\n## Targets (issue 13: DuckDB and the snapshot)")
    big = summary.get("1M")
    if not big:
        line(None, "1M targets: 1M not in --sizes (run `make bench`)")
        return
    w = big["whole"]
    duck, ig = big["peer_whole"].get("duckdb"), big["peer_whole"]["igraph"]
    if duck:
        line(duck / w >= 3, f"1M load + dual-backing + shared-channel, whole process {w:.3f} s vs DuckDB {duck:.3f} s "
                            f"= {duck / w:.2f}x (target >= 3x, goal 4x)")
    else:
        line(None, "DuckDB ratio: the DuckDB peer did not run")
    line(ig / w >= 20, f"1M igraph/pg {ig / w:.1f}x (target >= 20x)")
    line(big["rss_mib"] <= 160, f"1M peak memory {big['rss_mib']:.0f} MiB (target <= 160 MiB)")
    line(big["load"] <= 10 * big["cat"], f"1M load {big['load']:.3f} s = {big['load'] / big['cat']:.0f}x the cat floor "
                                         f"{big['cat']:.3f} s (target <= 10x)")
    snap = big.get("snapshot")
    if snap:
        speedup = snap["exposure_csv"] / snap["exposure_snapshot"]
        line(speedup >= 10, f"1M exposure on the snapshot {snap['exposure_snapshot'] * 1000:.0f} ms vs "
                            f"{snap['exposure_csv'] * 1000:.0f} ms on the CSVs = {speedup:.0f}x (target >= 10x)")
        line(snap["exposure_snapshot"] <= 0.030, f"1M exposure on the snapshot {snap['exposure_snapshot'] * 1000:.0f} ms, "
                                                 f"whole process (goal <= 30 ms)")


def report_targets(summary, sizes):
    report_issue13(summary)
    print("\n## Targets (issue 5)")

    big = summary.get("1M")
    if big:
        w = big["whole"]
        ig, nx = big["peer_whole"]["igraph"], big["peer_whole"]["networkx"]
        line(w <= 0.5, f"1M edges whole process {w:.2f} s (target <= 0.5 s); igraph/pg {ig / w:.1f}x (>= 20x), "
                       f"networkx/pg {nx / w:.1f}x (>= 50x)")
        line(big["rss_mib"] <= 200, f"1M edges peak memory {big['rss_mib']:.0f} MiB (target <= 200 MiB)")
        load = big["load"]
        line(load <= 20 * big["cat"], f"1M load {load:.3f} s vs cat {big['cat']:.3f} s = "
                                      f"{load / big['cat']:.0f}x (target <= 20x)")
        small = summary.get("10k")
        if small:
            worst = []
            for phase in ("load", "dual-backing", "shared-channel", "output (JSON)"):
                if small.get(phase) and big.get(phase):
                    worst.append((big[phase] / small[phase], phase))
            worst.sort(reverse=True)
            line(all(r <= 120 for r, _ in worst),
                 "10k -> 1M growth per phase: " + ", ".join(f"{p} {r:.0f}x" for r, p in worst) + " (target <= 120x)")
        if "betweenness" in big:
            line(big["betweenness"] <= 5, f"sampled K=256 betweenness at 1M {big['betweenness']:.2f} s (<= 5 s)")
        else:
            line(None, "sampled betweenness at 1M: centrality not built")
    else:
        line(None, "1M targets: 1M not in --sizes (run `make bench`)")
    mid = summary.get("100k")
    if mid and "betweenness" in mid and mid.get("igraph_betweenness"):
        speedup = mid["igraph_betweenness"] / mid["betweenness"]
        line(speedup >= 2.5, f"exact betweenness at 100k: {mid['betweenness']:.2f} s whole process vs igraph's "
                             f"{mid['igraph_betweenness']:.1f} s betweenness phase = {speedup:.1f}x (>= 2.5x)")
    elif mid and "betweenness" in mid:
        line(None, f"exact betweenness at 100k: {mid['betweenness']:.2f} s (igraph not run; the issue quotes 84 s; >= 2.5x)")
    cm = summary.get("crunchbase-markets")
    if cm:
        line(cm["dual"] < 1.0, f"Crunchbase by category, dual-backing {cm['dual']:.3f} s "
                               f"(whole process {cm['whole']:.3f} s; target < 1 s)")
    print("\n## Targets (issue 10: every pass, defaults)")
    for name, limits in (("1M", (10, 3, 5)), ("100k", (5, None, None))):
        r = summary.get(name)
        if not r or "all_whole" not in r:
            line(None, f"{name}: not run")
            continue
        t, m, b = r["all_whole"] / r["two_whole"], r["all_rss_mib"] / r["two_rss_mib"], r["all_bytes"] / max(r["two_bytes"], 1)
        line(t <= limits[0], f"{name} all passes {r['all_whole']:.2f} s = {t:.1f}x the two-pass run (<= {limits[0]}x)")
        if limits[1]:
            line(m <= limits[1], f"{name} all passes peak {r['all_rss_mib']:.0f} MiB = {m:.1f}x (<= {limits[1]}x)")
            line(b <= limits[2], f"{name} all passes JSON {r['all_bytes'] / 1e6:.1f} MB = {b:.1f}x (<= {limits[2]}x)")
    if "example" in summary:
        line(summary["example"] <= 0.030, f"bundled example whole process {summary['example'] * 1000:.0f} ms "
                                          f"(target <= 30 ms)")


if __name__ == "__main__":
    main()
