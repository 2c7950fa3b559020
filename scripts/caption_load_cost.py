#!/usr/bin/env python3
"""What the caption rules add to a run of presslint over one file: the
gazetteer and the caption patterns are built once per process, so this is
the start-up cost a single-file run pays. Runs the release binary
alternately with and without the caption group and prints the median and
minimum wall time of each, and their difference. The image group is left
out of both runs: caption-metadata-mismatch analyses captions too (and
reads image files).

    cargo build --release
    python3 scripts/caption_load_cost.py [FILE] [RUNS]
"""

import statistics
import subprocess
import sys
import time

path = sys.argv[1] if len(sys.argv) > 1 else "fixtures/seed-article.html"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 60
binary = "target/release/presslint"
times = {"with caption rules": [], "without": []}
for _ in range(runs):
    for label, extra in (
        ("with caption rules", ["--ignore", "image"]),
        ("without", ["--ignore", "caption,image"]),
    ):
        start = time.perf_counter()
        subprocess.run([binary, "check", path, *extra], stdout=subprocess.DEVNULL, check=False)
        times[label].append((time.perf_counter() - start) * 1000)
for label, t in times.items():
    print(f"{label:20} median {statistics.median(t):6.1f} ms  min {min(t):6.1f} ms  ({runs} runs)")
with_, without = times["with caption rules"], times["without"]
print(
    f"{'difference':20} median {statistics.median(with_) - statistics.median(without):6.1f} ms"
    f"  min {min(with_) - min(without):6.1f} ms"
)
