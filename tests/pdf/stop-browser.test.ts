import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mapc.js';

/**
 * A browser stopped while DevTools messages are still on the pipe (a print refused at
 * --timeout does this): Chromium, killed, resets its end, and a process that no longer
 * listens to the pipe ended with "Unhandled 'error' event … ECONNRESET". Run in a process
 * of its own, since that error ends the process it happens in.
 *
 * One browser is enough when the message still on the pipe is large: a document of 10 MB
 * is not all read by Chromium when it is killed. Without the fix in stopBrowser this ended
 * the process 6 times in 6 (with a 100 kB document, only about 2 times in 3, so three
 * browsers were launched to be sure of it).
 */
it('stopping a busy browser leaves the process running', async () => {
  const launcher = pathToFileURL(join(ROOT, 'dist/pdf/launch-browser.js')).href;
  const script = `
    import { launchBrowser, stopBrowser } from ${JSON.stringify(launcher)};
    const browser = await launchBrowser(process.env);
    const page = await browser.newPage();
    page.setContent('<p>' + 'x'.repeat(10_000_000)).catch(() => {});
    await stopBrowser(browser);
    await new Promise((resolve) => setTimeout(resolve, 100));
    console.log('still running');`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: process.env });
  expect(stdout).toBe('still running\n');
});
