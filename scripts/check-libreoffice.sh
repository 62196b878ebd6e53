#!/usr/bin/env bash
# npm run check:libreoffice — prints every workbook of the samples (audit, kpi, compare, report) to
# PDF with a real headless LibreOffice and checks what a reader would see on paper: the page count of
# each workbook stays within its budget, and no cell shows "###" (a number wider than its column).
# The CI workbook is also read back sheet by sheet as CSV. Needs LibreOffice and poppler (Debian:
# apt-get install libreoffice-calc-nogui poppler-utils); not part of npm run check for that reason.
# Each sheet's print scale is read from the PDF too (its footer's height against 100 %) and judged:
# below 75 % an 11-pt cell prints under 8 pt, too small to read on A4.
# PAGES_ONLY=1 prints the page counts and scales without judging them (to measure a change);
# KEEP=dir keeps the workbooks and PDFs there (to look at them: pdftoppm -r 50 -png).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in soffice pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install libreoffice-calc-nogui poppler-utils" >&2; exit 2; }
done
if [ -n "${KEEP:-}" ]; then dir=$KEEP; mkdir -p "$dir"; else dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT; fi
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
# Pages each workbook may take (measured 2026-11-30 on the samples: audit 2, kpi 4, compare 2,
# report 9; before this check 5, 18, 3 and 28, with ### in kpi and report). Raised 2026-12-05 for what
# was added since and for legible type (every table sheet at 75 % or more; the managers' sheet had
# printed at 57 %, Definitions at 64 %, Audit at 62 %):
# - kpi 9: Managers 3 pages across (31 KPI columns, the manager's column repeated, at about 81-87 %),
#   Loss reasons 1, Data quality 1, Definitions 2 (37 metrics wrapped at about 85 %), Charts 2 (6 charts);
# - compare 3: Before-After with its by-manager table 1, Payback 1, Data quality 1 (added since);
# - report 15: Summary 1, Audit 1, Recommendations 1, the kpi's 7 table pages, Before-After 1,
#   Payback 1, Charts 3 (9 charts, 4 pages before they were packed to the page's height).
declare -A budget=([audit]=2 [kpi]=9 [compare]=3 [report]=15)
# Each sheet's pages and print scale, from the footer every page has («<title> — <company>  Page N of M»,
# 11 pt): LibreOffice scales it with the sheet, and at 100 % its words are 14.3 pt tall in the PDF
# (measured 2026-12-05 on a sheet narrower than the page). Prints «title: pages × scale %» per sheet and
# the smallest scale of a table sheet last (the Charts' pictures are no 11-pt text).
scales() {
  pdftotext -bbox "$1" - | node --input-type=module -e '
    let xml = ""; for await (const c of process.stdin) xml += c;
    const sheets = new Map();
    for (const page of xml.split("<page ").slice(1)) {
      const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ top: +m[1], bottom: +m[2], text: m[3] }));
      const bottom = Math.max(...words.map((w) => w.bottom));
      const footer = words.filter((w) => w.bottom > bottom - 1);
      const title = footer.map((w) => w.text).join(" ").split(" — ")[0];
      const scale = Math.round((100 * (footer[0].bottom - footer[0].top)) / 14.3);
      const s = sheets.get(title) ?? { pages: 0, scale };
      sheets.set(title, { pages: s.pages + 1, scale: Math.min(s.scale, scale) });
    }
    const tables = [...sheets].filter(([t]) => !/^(Charts|Графики)$/.test(t));
    console.log([...sheets].map(([t, s]) => `${t}: ${s.pages} × ${s.scale} %`).join("; "));
    console.log(Math.min(...tables.map(([, s]) => s.scale)));'
}
fail=0
for pdf in "$dir"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  hashes=$(pdftotext -layout "$pdf" - | grep -c '###' || true)
  sheets=$(scales "$pdf")
  smallest=$(tail -1 <<<"$sheets")
  echo "$name: $pages page(s), smallest scale $smallest %, cells showing ###: $hashes"
  echo "  $(head -1 <<<"$sheets")"
  [ -n "${PAGES_ONLY:-}" ] && continue
  [ "$hashes" -eq 0 ] || { echo "  $name: a number does not fit its column (###)" >&2; fail=1; }
  [ "$pages" -le "${budget[${name%-*}]}" ] || { echo "  $name: more than ${budget[${name%-*}]} pages" >&2; fail=1; }
  # 74, not 75: the footer's height is read to about a point's tenth.
  [ "$smallest" -ge 74 ] || { echo "  $name: a sheet prints at $smallest %, below 75 %" >&2; fail=1; }
done
for lang in ru en; do test -s "$dir/report-$lang.pdf" || { echo "LibreOffice did not convert report-$lang.xlsx" >&2; exit 1; }; done
(cd "$dir" && soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' report-en.xlsx >/dev/null 2>&1)
grep -q '^Maturity audit,7 / 10' "$dir/report-en-Summary.csv" || { echo "the Summary sheet did not read back" >&2; exit 1; }
echo "LibreOffice read back $(ls "$dir"/report-en-*.csv | wc -l) sheets of the CI workbook as CSV"
exit $fail
