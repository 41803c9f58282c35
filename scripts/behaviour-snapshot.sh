#!/usr/bin/env bash
# Usage: scripts/behaviour-snapshot.sh REPO OUT — records the CLI's outputs (parse, check, render) on every fixture for comparison.
# For behaviour-preserving changes: snapshot the old commit and the new one, then `diff -r OLD NEW` (DOCX core.xml,
# which holds timestamps, is left out). Takes a few minutes: one CLI process per fixture.
set -u
repo=$1; out=$2; rm -rf "$out"; mkdir -p "$out"
cd "$repo"
export TZ=Asia/Shanghai
g() { node bin/gongkai.js "$@"; }
for f in test/fixtures/documents/*.{pdf,html,docx} test/fixtures/seeds/*.txt test/fixtures/documents/bad/*; do
  [ -f "$f" ] || continue
  n=$(echo "$f" | tr '/' '_')
  g parse --json "$f" > "$out/parse_$n.json" 2> "$out/parse_$n.err"; echo "exit $?" >> "$out/parse_$n.err"
done
g check --json test/fixtures/documents test/fixtures/seeds > "$out/check_all.json" 2> "$out/check_all.err"; echo "exit $?" >> "$out/check_all.err"
for s in 000 001 002 003 004; do
  j=test/fixtures/seeds/$s.report.json
  g render --to html "$j" > "$out/render_$s.html" 2>&1
  g render --to md --findings "$j" > "$out/render_$s.md" 2>&1
  g render --to docx -o "$out/render_$s.docx" "$j" > /dev/null 2>&1
  (mkdir -p "$out/docx_$s" && cd "$out/docx_$s" && unzip -q -o "../render_$s.docx" && rm -f docProps/core.xml) 
  rm -f "$out/render_$s.docx"
done
g workdays add 2025-01-20 20 > "$out/workdays.txt" 2>&1
g fee --pages 150 > "$out/fee.txt" 2>&1
echo done
