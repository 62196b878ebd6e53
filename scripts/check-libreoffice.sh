#!/usr/bin/env bash
# npm run check:libreoffice — prints every workbook of the samples (audit, kpi, compare, report) to
# PDF with a real headless LibreOffice and checks what a reader would see on paper: the page count of
# each workbook stays within its budget, and no cell shows "###" (a number wider than its column).
# The CI workbook is also read back sheet by sheet as CSV. Needs LibreOffice and poppler (Debian:
# apt-get install libreoffice-calc-nogui poppler-utils); not part of npm run check for that reason.
# PAGES_ONLY=1 prints the page counts without judging them (to measure a change).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in soffice pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install libreoffice-calc-nogui poppler-utils" >&2; exit 2; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() { node bin/crm-audit.js "$@" --now 2025-07-01T00:00:00Z 2>/dev/null; }
data=(-d samples/amocrm-deals.csv -a samples/bitrix24-calls.xls -p samples/payments.csv)
for lang in ru en; do
  run audit --answers samples/answers/leader.yaml --lang "$lang" --company 'ООО «Ромашка»' -o "$dir/audit-$lang.xlsx"
  run kpi "${data[@]}" --lang "$lang" --company 'ООО «Ромашка»' -o "$dir/kpi-$lang.xlsx"
  run compare "${data[@]}" --cutover 2025-01-01 --cost 1500000 --by-manager --lang "$lang" --company 'ООО «Ромашка»' -o "$dir/compare-$lang.xlsx"
  run report --answers samples/answers/leader.yaml "${data[@]}" --cutover 2025-01-01 --cost 1500000 \
    --by-manager --lang "$lang" --company 'ООО «Ромашка»' --assert 'total.conversion>=0.3' --no-exit-code -o "$dir/report-$lang.xlsx"
done
(cd "$dir" && soffice --headless --convert-to pdf ./*.xlsx >/dev/null 2>&1)
# Pages each workbook may take (measured 2026-11-30 on the samples; before this check: audit 5,
# kpi 18, compare 3, report 28, with ### in kpi and report). One page wide, so only rows add pages.
declare -A budget=([audit]=2 [kpi]=4 [compare]=2 [report]=9)
fail=0
for pdf in "$dir"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  hashes=$(pdftotext -layout "$pdf" - | grep -c '###' || true)
  echo "$name: $pages page(s), cells showing ###: $hashes"
  [ -n "${PAGES_ONLY:-}" ] && continue
  [ "$hashes" -eq 0 ] || { echo "  $name: a number does not fit its column (###)" >&2; fail=1; }
  [ "$pages" -le "${budget[${name%-*}]}" ] || { echo "  $name: more than ${budget[${name%-*}]} pages" >&2; fail=1; }
done
for lang in ru en; do test -s "$dir/report-$lang.pdf" || { echo "LibreOffice did not convert report-$lang.xlsx" >&2; exit 1; }; done
(cd "$dir" && soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' report-en.xlsx >/dev/null 2>&1)
grep -q '^Maturity audit,7 / 10' "$dir/report-en-Summary.csv" || { echo "the Summary sheet did not read back" >&2; exit 1; }
echo "LibreOffice read back $(ls "$dir"/report-en-*.csv | wc -l) sheets of the CI workbook as CSV"
exit $fail
