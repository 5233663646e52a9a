// Finds a Chromium for the browser tests: CHROMIUM_PATH or CHROME_PATH, then the usual
// install locations. When there is none, installs Debian's as root, or says how to.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** The path of a Chromium executable, or undefined. */
export function findChromium() {
  for (const path of [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, ...CANDIDATES]) {
    if (path && existsSync(path)) return path;
  }
  return undefined;
}

/** A Chromium path, installing Debian's package when running as root; exits with one line otherwise. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium and fonts-noto-cjk for the browser tests…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error('npm test needs Chromium for its browser tests: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH to its executable.');
  process.exit(1);
}
