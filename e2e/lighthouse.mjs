// Lighthouse scores of a few pages of the repository's site, for the
// record: not part of npm test, since scores measured on a busy CI machine
// wander. Run from e2e/: npm run lighthouse (fetches lighthouse with npx).
// Writes artifacts/lighthouse.json and prints one line a page.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { artifacts, chromiumArgs, chromiumPath, mkdirp, repoRoot, serve } from './harness.mjs';

const pages = [
  'index.html',
  'reports/2014-06-16-iraq-blocks-vpns-and-mobile-data/index.html',
  'cities/mosul/index.html',
  'actors/isil/index.html',
  'timeline/index.html',
  'search/index.html',
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-lh-'));
const site = path.join(tmp, 'public');
execFileSync('go', ['run', './cmd/gazette', 'build', '--out', site], { cwd: repoRoot, stdio: 'inherit' });
const { server, origin } = await serve(site);
mkdirp(artifacts);
const scores = {};
try {
  for (const rel of pages) {
    const out = path.join(tmp, 'lh.json');
    // Asynchronously: the server answering Lighthouse runs in this process.
    await promisify(execFile)('npx', ['--yes', 'lighthouse@13.5.0', `${origin}/${rel}`, '--quiet',
      `--chrome-flags=--headless ${chromiumArgs.join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json', `--output-path=${out}`], { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 << 20 });
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    scores[rel] = Object.fromEntries(Object.values(r.categories).map((c) => [c.id, Math.round(c.score * 100)]));
    console.log(rel, JSON.stringify(scores[rel]));
  }
} finally {
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
fs.writeFileSync(path.join(artifacts, 'lighthouse.json'), JSON.stringify(scores, null, 2) + '\n');
