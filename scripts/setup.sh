#!/usr/bin/env bash
# Sets mapc up on a Debian machine: Debian's Chromium (for PDF output), poppler-utils and
# qpdf (for the PDF tests) when they are missing, then the npm packages, which also build
# the TypeScript. Puppeteer's own browser download is skipped (.puppeteerrc.cjs).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ ! -x /usr/lib/chromium/chromium ]; then missing+=(chromium); fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian's packages"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
