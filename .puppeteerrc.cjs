// mapc uses puppeteer-core with Debian's Chromium (or PUPPETEER_EXECUTABLE_PATH), installed
// by scripts/setup.sh. The benchmark's peer md-to-pdf brings the full puppeteer, whose
// browser download cannot work on these machines: it is skipped.
module.exports = { skipDownload: true };
