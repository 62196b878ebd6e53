#!/usr/bin/env bash
# npm run check:libreoffice — opens the CI workbook in a real headless LibreOffice: converts it to
# PDF and every sheet to CSV, and checks that the Summary sheet reads back. Needs LibreOffice
# (Debian: apt-get install libreoffice-calc-nogui); not part of npm run check for that reason.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-calc-nogui" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bin/crm-audit.js report --answers samples/answers/leader.yaml -d samples/amocrm-deals.csv \
  -a samples/bitrix24-calls.xls -p samples/payments.csv --cutover 2025-01-01 --cost 1500000 \
  --by-manager --lang en --now 2025-07-01T00:00:00Z --no-exit-code -o "$dir/report.xlsx" 2>/dev/null
(cd "$dir" && soffice --headless --convert-to pdf report.xlsx >/dev/null 2>&1)
(cd "$dir" && soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' report.xlsx >/dev/null 2>&1)
test -s "$dir/report.pdf" || { echo "LibreOffice did not convert the workbook to PDF" >&2; exit 1; }
sheets=$(ls "$dir"/report-*.csv | wc -l)
grep -q '^Maturity audit,7 / 10' "$dir/report-Summary.csv" || { echo "the Summary sheet did not read back" >&2; exit 1; }
echo "LibreOffice opened the workbook: PDF $(stat -c %s "$dir/report.pdf") bytes, $sheets sheets read back as CSV"
