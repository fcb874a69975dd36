// Puppeteer cannot download its browser on these machines: mapc uses Debian's Chromium
// (or PUPPETEER_EXECUTABLE_PATH), installed by scripts/setup.sh.
module.exports = { skipDownload: true };
