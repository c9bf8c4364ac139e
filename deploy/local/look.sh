#!/usr/bin/env bash
# Renders what a person sees: a project's 项目支出绩效目标表 as HTML in headless Chromium and as PDF
# pages with pdftoppm, plus the PDF's text with pdftotext, from the running local system.
#   deploy/local/look.sh [PROJECT_ID] [OUT_DIR]     (default: the first approved project, deploy/local/.run/look)
# Needs Debian's chromium, poppler-utils and a CJK font for the browser (the PDF embeds its own):
#   apt-get install -y chromium poppler-utils fonts-noto-cjk
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=${2:-$root/deploy/local/.run/look}
mkdir -p "$out"
token=$("$root/deploy/local/token.sh" reviewer)
id=${1:-}
if [ -z "$id" ]; then
  id=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:8081/api/v1/projects?status=APPROVED&size=1" \
    | sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || { echo "no approved project yet: approve one, or pass a project id" >&2; exit 1; }
fi
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:8084/api/v1/reports/projects/$id?format=html" -o "$out/$id.html"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:8084/api/v1/reports/projects/$id?format=pdf" -o "$out/$id.pdf"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --window-size=1000,1800 \
  --screenshot="$out/$id.html.png" "file://$out/$id.html" >/dev/null 2>&1
pdftoppm -png -r 60 "$out/$id.pdf" "$out/$id.pdf"
pdftotext -layout "$out/$id.pdf" "$out/$id.txt"
pdffonts "$out/$id.pdf" | tail -n +3
ls -1 "$out" | grep "$id"
echo "images and text in $out"
