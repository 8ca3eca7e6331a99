// Shared set-up for the browser tests: build the sites with gazette, serve
// them over HTTP, start Debian's Chromium, and list the pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const e2eDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.dirname(e2eDir);

// Test artefacts (screenshots, reports) go to E2E_ARTIFACTS, else
// e2e/artifacts/, which git ignores.
export const artifacts = process.env.E2E_ARTIFACTS || path.join(e2eDir, 'artifacts');

export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

// The flags this machine's closed network needs; Playwright adds --headless
// and a new empty --user-data-dir of its own.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// need fails with a clear message when a tool the tests use is missing:
// the tests never skip themselves into green.
export function need() {
  const missing = [];
  if (!fs.existsSync(chromiumPath)) missing.push(`Chromium at ${chromiumPath} (apt-get install chromium, or set CHROME_PATH)`);
  try { execFileSync('java', ['-version'], { stdio: 'ignore' }); } catch { missing.push('java (apt-get install default-jre-headless)'); }
  try { execFileSync('go', ['version'], { stdio: 'ignore' }); } catch { missing.push('go'); }
  if (missing.length) throw new Error('the browser tests need: ' + missing.join('; '));
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

// An Arabic report, written in the test so that content/ stays English. It
// annotates entities by their Arabic names and English ids, and has events
// and sources like any report.
const arabicReport = `---
title: تنظيم الدولة يقطع الإنترنت عن الموصل
date: 2016-08-14
lang: ar
summary: قطع تنظيم الدولة الإسلامية خدمة الإنترنت في مدينة الموصل كلها، ولم يبق إلا مقاه يراقبها عناصره.
sources:
  - publisher: وكالة الأناضول
    title: انقطاع الإنترنت في الموصل
    date: 2016-08-14
    url: https://example.org/ar/mosul
cities: [mosul]
actors: [isil]
events:
  - type: shutdown
    services: [internet]
    where: [mosul]
    by: [isil]
    cause: conflict
    from: 2016-08
    until: ongoing
    note: قطع الخدمة في المدينة كلها.
---
قطع [تنظيم الدولة](actor:isil) خدمة الإنترنت في [الموصل](city:mosul)،
بحسب ما نقلته وكالة الأناضول. وقال الجيش العراقي إن التنظيم يخشى أن يكشف
السكان مواقع مقاتليه.

أوقف التنظيم تجديد اشتراكات الإنترنت المنزلية، ولم يبق إلا مقاهي الإنترنت التي
يراقبها عناصره. انظر [التقرير السابق](report:2016-08-12-isil-cuts-internet-across-mosul).
`;
export const arabicSlug = '2016-08-14-isil-cuts-internet-ar';

// buildSites compiles gazette once and builds two sites into a temporary
// folder: the repository's content/ ("main") and a copy of it with one
// Arabic report added ("rtl").
export function buildSites() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-e2e-'));
  const bin = path.join(tmp, 'gazette');
  execFileSync('go', ['build', '-o', bin, './cmd/gazette'], { cwd: repoRoot, stdio: 'inherit' });

  const main = path.join(tmp, 'main');
  execFileSync(bin, ['build', '-C', repoRoot, '--out', main], { stdio: 'inherit' });

  const rtlProject = path.join(tmp, 'rtl-project');
  fs.cpSync(path.join(repoRoot, 'content'), path.join(rtlProject, 'content'), { recursive: true });
  fs.writeFileSync(path.join(rtlProject, 'content', 'reports', arabicSlug + '.md'), arabicReport);
  const rtl = path.join(tmp, 'rtl');
  execFileSync(bin, ['build', '-C', rtlProject, '--out', rtl], { stdio: 'inherit' });
  return { tmp, main, rtl };
}

// htmlPages lists the HTML files of a built site, relative to its root.
export function htmlPages(root) {
  const out = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  })(root);
  return out.sort();
}

// pageType names the layout of a page from its path.
export function pageType(rel) {
  if (rel === 'index.html') return 'home';
  if (rel === '404.html') return '404';
  const parts = rel.split('/');
  if (parts.length === 2) return parts[0]; // reports/, cities/, search/, about/ ...
  return parts[0] === 'reports' ? 'report' : 'entity:' + parts[0];
}

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
};

// serve serves a built site as a static host does: a folder's index.html,
// 404.html for what is missing. It resolves to the server and its origin.
export function serve(root) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, path.normalize(p));
    if (!file.startsWith(root)) { res.writeHead(400).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) { status = 404; file = path.join(root, '404.html'); }
    res.writeHead(status, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

export const fileURL = (root, rel) => pathToFileURL(path.join(root, rel)).href;

// watch records what goes wrong while a page loads: console errors and
// warnings, uncaught exceptions, failed requests, error responses, and
// requests that leave the site. problems.settled() resolves when no
// request is in flight (such as the icon, fetched after the load event).
export function watch(page, allowedPrefix) {
  const problems = [];
  let pending = 0;
  page.on('request', () => pending++);
  page.on('requestfinished', () => pending--);
  page.on('requestfailed', () => pending--);
  const settled = async () => {
    // Quiet means no request in flight for 50 ms running, 3 s at most.
    for (let quiet = 0, i = 0; quiet < 5 && i < 300; i++) {
      await new Promise((r) => setTimeout(r, 10));
      quiet = pending > 0 ? 0 : quiet + 1;
    }
  };
  Object.defineProperty(problems, 'settled', { value: settled });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => { if (!r.url().startsWith(allowedPrefix) && !r.url().startsWith('data:')) problems.push(`external request: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return problems;
}

export function mkdirp(p) { fs.mkdirSync(p, { recursive: true }); return p; }
