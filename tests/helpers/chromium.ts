import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, DEBIAN_CHROMIUM } from '../../src/pdf/launch-browser.js';

/**
 * The tests' pages share two renderer processes rather than each starting one: a new page
 * in a new renderer cost about 0.85 s of CPU here, in a running one about 0.3 s (10 pages
 * of a plan, measured both ways), and the suite opens some 130. Every test page loads its
 * HTML with setContent into about:blank, so site isolation would give each its own process
 * for nothing. mapc's own pages are in browser contexts of their own, which never share a
 * renderer with these, so what mapc prints is printed as on any browser.
 */
const SHARED_RENDERERS = ['--disable-site-isolation-trials', '--renderer-process-limit=2'];

/** A Chromium the tests run themselves, as a council would run one for mapc to print on. */
export interface RunningChromium {
  /** Its main process, started in a process group of its own. */
  pid: number;
  /** Its DevTools WebSocket, `ws://127.0.0.1:PORT/devtools/browser/…`. */
  wsEndpoint: string;
  /** `http://127.0.0.1:PORT`, where it answers /json/version and /json/list. */
  httpUrl: string;
  /** Kills it, with everything it started, and removes its profile folder. */
  stop(): Promise<void>;
}

/**
 * Starts Debian's Chromium with a DevTools port on 127.0.0.1 and a profile folder of its own
 * (also its TMPDIR, so its sockets go with it). Nothing of mapc starts or stops it.
 */
export async function startChromium(): Promise<RunningChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'mapc-running-chromium-'));
  // Puppeteer's own defaults, as for a browser it launches: without them Chromium throttles
  // pages it thinks are in the background, and costs more CPU for the same work.
  const flags = puppeteer.defaultArgs({ headless: true, userDataDir: profile, args: [...CHROMIUM_FLAGS, ...SHARED_RENDERERS, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0'] });
  const child = spawn(DEBIAN_CHROMIUM, flags, {
    detached: true,
    env: { ...process.env, TMPDIR: profile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const wsEndpoint = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not print its DevTools address in 30 s:\n${stderr}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${stderr}`)));
    });
    // Its later messages are not read, but must not fill the pipe and stall it.
    child.stderr!.resume();
    return { pid: child.pid!, wsEndpoint, httpUrl: `http://${new URL(wsEndpoint).host}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
