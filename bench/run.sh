#!/usr/bin/env bash
# Throughput and memory benchmark for `whosaid analyze` (issue 6). Not a test: run it by hand.
#   bench/run.sh            # builds the corpus under target/bench/ and prints the figures
#   MB=100 bench/run.sh     # a bigger corpus
# Needs ../shared/eval (the dev sets are repeated, with distinct ids, to the wanted size).
# Prints MB/s, articles/s and peak RSS for 1 thread, all cores, and one large article. The
# machine is shared: repeat runs (or count instructions with callgrind, see docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${MB:-50}
out=target/bench
mkdir -p "$out"
cargo build --release -q
python3 - "$mb" "$out" <<'PY'
import json, sys, os
mb, out = int(sys.argv[1]), sys.argv[2]
docs = []
for name in ["ggt/dev", "polnear/dev", "seed/gold"]:
    path = f"../shared/eval/{name}.jsonl"
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            docs.append({"id": d["id"], "text": d["text"], "meta": d.get("meta") or {}})
if not docs:
    sys.exit("no dev sets in ../shared/eval")
size, rep = 0, 0
with open(f"{out}/corpus.jsonl", "w", encoding="utf-8") as f:
    while size < mb * 1_000_000:
        for d in docs:
            line = json.dumps(dict(d, id=f"{d['id']}#{rep}")) + "\n"
            f.write(line)
            size += len(line.encode())
        rep += 1
# One very large article: the texts concatenated into one JSONL line.
with open(f"{out}/large.jsonl", "w", encoding="utf-8") as f:
    parts, size = [], 0
    while size < mb * 1_000_000:
        for d in docs:
            parts.append(d["text"]); size += len(d["text"].encode())
    f.write(json.dumps({"id": "large", "text": "\n\n".join(parts)}) + "\n")
PY
run() {
  local label=$1 file=$2 threads=$3
  local bytes articles
  bytes=$(stat -c %s "$file")
  articles=$(wc -l < "$file")
  /usr/bin/time -f "%e %M" -o "$out/time.txt" target/release/whosaid analyze --threads "$threads" "$file" > /dev/null
  read -r secs kb < "$out/time.txt"
  python3 -c "
b, a, s, kb = $bytes, $articles, $secs, $kb
print(f'{\"$label\":<28} threads $threads  {b/1e6/s:7.1f} MB/s  {a/s:9.1f} articles/s  peak RSS {kb/1024:6.1f} MB  ({b/1e6:.0f} MB in {s:.2f} s)')"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
run "corpus (small articles)" "$out/corpus.jsonl" 1
run "corpus (small articles)" "$out/corpus.jsonl" "$(nproc)"
run "one large article" "$out/large.jsonl" 1
