import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Chromium: the binary itself, since the /usr/bin/chromium wrapper prints shell errors. */
export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/**
 * Flags for a headless Chromium that is quiet on a machine with no network: as root it
 * needs --no-sandbox, and without the background-networking flags it keeps trying to
 * reach Google's servers.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--font-render-hinting=none',
];

/** No usable browser: the message says how to get one. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** The browser to use: PUPPETEER_EXECUTABLE_PATH when set, else Debian's Chromium. */
export function findBrowser(env: NodeJS.ProcessEnv): string {
  const named = env.PUPPETEER_EXECUTABLE_PATH;
  const path = named && named.trim() !== '' ? named : DEBIAN_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    const which = named ? `PUPPETEER_EXECUTABLE_PATH names ${path}, which is not an executable file` : `no browser found at ${path}`;
    throw new BrowserNotFoundError(
      `${which}. Install Debian's Chromium (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.`,
    );
  }
}

/** Each profile folder is named for the mapc process that made it: mapc-chromium-PID-XXXXXX. */
const PROFILE_PREFIX = 'mapc-chromium-';
const PROFILE_NAME = /^mapc-chromium-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes the profile folders of mapc processes that are gone. A mapc ended by SIGKILL
 * (the OOM killer, a CI timeout) cannot remove its own: its Chromium exits when the pipe
 * closes, but leaves the folder (about 2 MB). The next launch removes it instead. A folder
 * whose process is running (or is another user's: EPERM) is left alone; this assumes that
 * mapc processes sharing a temporary folder share a process-id namespace too.
 */
async function removeAbandonedProfiles(): Promise<void> {
  const folder = tmpdir();
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(PROFILE_NAME.exec(name)?.[1] ?? 0);
    if (pid > 0 && pid !== process.pid && !isRunning(pid)) await rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How to remove each launched browser's profile folder, for stopBrowser. */
const profileRemovers = new WeakMap<Browser, () => void>();

/**
 * Launches the browser with a profile folder of its own, removed when it is stopped
 * (stopBrowser) or exits, whichever comes first. The folder is made here, synchronously,
 * rather than by puppeteer, so that Chromium's process is spawned within this call's
 * microtasks: a caller can start the launch, let the event loop turn once, and do other
 * work while Chromium starts (see src/build/early-printer.ts).
 */
export async function launchBrowser(env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<Browser> {
  const executablePath = findBrowser(env);
  const profile = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  const removeProfile = () => {
    process.off('exit', removeProfile);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A leftover in the temporary folder is not worth failing a build for.
    }
  };
  // The last resort, should mapc exit before Chromium does.
  process.on('exit', removeProfile);
  try {
    const launching = puppeteer.launch({
      executablePath,
      headless: true,
      // DevTools over a pipe (--remote-debugging-pipe), never a TCP port: no other process
      // can reach the browser, and Chromium exits when its end of the pipe closes, which
      // the kernel does however mapc ends (SIGKILL, the OOM killer, a CI timeout).
      pipe: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
      // Chromium's own temporary files (its singleton socket folder) go in the profile folder
      // too, so that removing it leaves nothing, even of a browser stopped while starting.
      env: { ...env, TMPDIR: profile },
      ...(signal ? { signal } : {}),
      // The caller decides what to do on Ctrl-C; puppeteer must not kill the browser behind its back.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // PdfPrinter gives Chromium's first blank page to the first document if it is there by then, and opens one if not.
      waitForInitialPage: false,
    });
    // In the background: tidying up after earlier runs does not delay the start.
    void removeAbandonedProfiles();
    const browser = await launching;
    const chromium = browser.process();
    if (chromium && chromium.exitCode === null && chromium.signalCode === null) chromium.once('exit', removeProfile);
    else removeProfile();
    profileRemovers.set(browser, removeProfile);
    return browser;
  } catch (error) {
    removeProfile();
    throw error;
  }
}

/**
 * Stops a browser launchBrowser started, and removes its profile folder. It is killed, with
 * its process group (puppeteer starts it in a group of its own, so a wrapper script's
 * browser goes too), rather than asked to close: the profile is thrown away, so it has
 * nothing to save, and asking took 100 ms of every build. Nor is its end waited for (the
 * kernel takes 20-50 ms more): nothing of it runs again once killed, so the profile can go
 * at once.
 */
export async function stopBrowser(browser: Browser): Promise<void> {
  const chromium = browser.process();
  // puppeteer stops listening to the DevTools pipe when it disconnects; killing Chromium
  // then resets the pipe's other end, and that error, unheard, would end mapc.
  for (const pipe of chromium?.stdio.slice(3) ?? []) pipe?.on('error', () => {});
  await browser.disconnect();
  // Gone already, its group id may be another's by now: nothing is killed (its own processes end with it).
  if (chromium && chromium.exitCode === null && chromium.signalCode === null) {
    try {
      process.kill(-chromium.pid!, 'SIGKILL');
    } catch {
      chromium.kill('SIGKILL');
    }
  }
  profileRemovers.get(browser)?.();
}
