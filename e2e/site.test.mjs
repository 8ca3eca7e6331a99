// The site as readers see it: every page gazette builds, loaded in headless
// Chromium over HTTP and from file://, checked by the Nu HTML Checker and
// axe-core, navigated with mouse and keyboard, and photographed.
//
// Run from e2e/: npm ci && npm test (needs go, java and Chromium; .ci/run
// installs them). Screenshots and reports go to e2e/artifacts/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  arabicSlug, artifacts, repoRoot, buildSites, fileURL, htmlPages, launch, mkdirp, need, pageType, serve, watch,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const vnuJar = require('vnu-jar');

// With E2E_DOCS=1 the screenshots the README shows are rewritten too, as
// the first screenful of each page.
const docsDir = path.join(repoRoot, 'docs', 'screenshots');
const docs = new Set(process.env.E2E_DOCS ? ['home-1280', 'report-390', 'city-1280-dark', 'actor-390', 'report-rtl-1280'] : []);

// The pages photographed and checked one by one.
const shots = {
  home: 'index.html',
  report: 'reports/2016-08-12-isil-cuts-internet-across-mosul/index.html',
  city: 'cities/mosul/index.html',
  actor: 'actors/isil/index.html',
};
const rtlPage = `reports/${arabicSlug}/index.html`;

let sites, pages, rtlPages, browser, http, rtlHTTP;
const numbers = {};

before(async () => {
  need();
  mkdirp(artifacts);
  if (docs.size) mkdirp(docsDir);
  sites = buildSites();
  pages = htmlPages(sites.main);
  rtlPages = htmlPages(sites.rtl);
  browser = await launch();
  http = await serve(sites.main);
  rtlHTTP = await serve(sites.rtl);
});

after(async () => {
  await browser?.close();
  http?.server.close();
  rtlHTTP?.server.close();
  if (sites) fs.rmSync(sites.tmp, { recursive: true, force: true });
  fs.writeFileSync(path.join(artifacts, 'numbers.json'), JSON.stringify(numbers, null, 2) + '\n');
  console.log('numbers:', JSON.stringify(numbers));
});

// open loads a page in a fresh context and returns it with the problems
// seen while loading.
async function open(url, { width = 1280, height = 900, scheme = 'light', prefix } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = watch(page, prefix ?? new URL('.', url).origin);
  await page.goto(url, { waitUntil: 'load' });
  await problems.settled();
  return { page, problems, close: () => context.close() };
}

// visitor opens one tab for many pages; visit(url) loads a page and
// returns what went wrong while it loaded.
async function visitor(opts = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width || 1280, height: 900 }, colorScheme: opts.scheme || 'light' });
  const page = await context.newPage();
  const problems = watch(page, opts.prefix);
  return {
    page,
    async visit(url) {
      problems.length = 0;
      await page.goto(url, { waitUntil: 'load' });
      await problems.settled();
      return [...problems];
    },
    close: () => context.close(),
  };
}

// inParallel runs fn over items, n at a time.
async function inParallel(items, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

describe('valid HTML and CSS (Nu HTML Checker)', () => {
  test('every page of both sites, and the stylesheet, has zero errors', () => {
    const files = [
      ...pages.map((p) => path.join(sites.main, p)),
      ...rtlPages.filter((p) => p.startsWith('reports/')).map((p) => path.join(sites.rtl, p)),
    ];
    const svgs = [sites.main, sites.rtl].flatMap((root) => listExt(root, '.svg'));
    // vnu exits 1 when it finds errors; --exit-zero-always and --stdout
    // keep its JSON report in stdout either way.
    const run = (args) => {
      const out = execFileSync('java', ['-jar', String(vnuJar), '--exit-zero-always', '--stdout', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
      return JSON.parse(out).messages;
    };
    const messages = [
      ...run(files),
      ...run(['--css', path.join(sites.main, 'style.css')]),
      ...(svgs.length ? run(['--svg', ...svgs]) : []),
    ];
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
    fs.writeFileSync(path.join(artifacts, 'vnu.json'), JSON.stringify(messages, null, 2) + '\n');
    numbers.vnu = { documents: files.length + 1 + svgs.length, errors: errors.length, warnings: warnings.length };
    assert.deepEqual(errors.map((m) => `${(m.url || '').split('/').slice(-3).join('/')}:${m.lastLine}: ${m.message}`), []);
  });
});

function listExt(root, ext) {
  const out = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) out.push(p);
    }
  })(root);
  return out;
}

describe('every page loads cleanly', () => {
  test('over HTTP: no console errors, no failed or outside requests', async () => {
    const bad = [];
    const v = await visitor({ prefix: http.origin });
    for (const rel of pages) {
      const problems = await v.visit(`${http.origin}/${rel}`);
      if (problems.length) bad.push(`${rel}: ${problems.join('; ')}`);
    }
    await v.close();
    numbers.pagesLoaded = pages.length;
    assert.deepEqual(bad, []);
  });

  test('from file://: no console errors, no failed or outside requests', async () => {
    const bad = [];
    const v = await visitor({ prefix: 'file://' });
    // 404.html is the one page whose links start from the host's root: it
    // is served at any path by a host, never opened from disk.
    for (const rel of pages.filter((p) => p !== '404.html')) {
      const problems = await v.visit(fileURL(sites.main, rel));
      if (problems.length) bad.push(`${rel}: ${problems.join('; ')}`);
    }
    await v.close();
    assert.deepEqual(bad, []);
  });

  test('the 404 page works at any path on a host', async () => {
    const { page, problems, close } = await open(`${http.origin}/no/such/page/`);
    assert.equal(await page.locator('h1').textContent(), 'Page not found');
    const css = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(css, 'rgba(0, 0, 0, 0)', 'the stylesheet loads');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(`${http.origin}/`);
    // The page itself answers 404, which Chromium logs; nothing else fails.
    assert.deepEqual(problems, [
      `HTTP 404: ${http.origin}/no/such/page/`,
      'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await close();
  });

  test('internal links all resolve (HTTP)', async () => {
    // Every href and src on every page, resolved against the page, names a
    // file of the site.
    const missing = new Set();
    for (const rel of pages.filter((p) => p !== '404.html')) {
      const html = fs.readFileSync(path.join(sites.main, rel), 'utf8');
      for (const m of html.matchAll(/(?:href|src)="([^"#]*)(#[^"]*)?"/g)) {
        const ref = m[1].replaceAll('&amp;', '&');
        if (ref === '' || /^[a-z]+:/i.test(ref)) continue;
        const target = path.join(sites.main, path.dirname(rel), decodeURIComponent(ref));
        if (!fs.existsSync(target)) missing.add(`${rel} → ${ref}`);
      }
    }
    assert.deepEqual([...missing], []);
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA and best practices)', () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  // Every page in light mode; in dark mode, where only colours change, one
  // page of each type. Two tabs at a time.
  const types = () => { const m = new Map(); for (const p of pages) if (!m.has(pageType(p))) m.set(pageType(p), p); return [...m.values()]; };
  for (const scheme of ['light', 'dark']) {
    test(`${scheme === 'light' ? 'every page' : 'a page of each type'} in ${scheme} mode: zero violations`, async () => {
      const list = [...(scheme === 'light' ? pages : types()).map((p) => [http.origin, p]), [rtlHTTP.origin, rtlPage]];
      const found = [];
      const tabs = await Promise.all([visitor({ scheme, prefix: http.origin }), visitor({ scheme, prefix: 'http://127.0.0.1' })]);
      const free = [...tabs];
      await inParallel(list, tabs.length, async ([origin, rel]) => {
        const v = free.pop();
        await v.visit(`${origin}/${rel}`);
        await v.page.addScriptTag({ path: axePath });
        const result = await v.page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), tags);
        free.push(v);
        for (const x of result.violations) {
          found.push(`${rel} [${x.id}] ${x.help}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | ')}`);
        }
      });
      await Promise.all(tabs.map((t) => t.close()));
      numbers[`axe-${scheme}`] = { pages: list.length, violations: found.length };
      fs.writeFileSync(path.join(artifacts, `axe-${scheme}.txt`), found.join('\n') + '\n');
      assert.deepEqual(found, []);
    });
  }

  test('a skip link is the first stop and moves focus to the content', async () => {
    const { page, close } = await open(`${http.origin}/${shots.report}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
      return { text: a.textContent, href: a.getAttribute('href'), visible: r.width > 0 && r.top >= 0 && r.left >= 0 && r.right <= innerWidth, outline: s.outlineStyle };
    });
    assert.equal(skip.text, 'Skip to content');
    assert.equal(skip.href, '#main');
    assert.ok(skip.visible, 'the focused skip link is on screen');
    assert.notEqual(skip.outline, 'none');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
    assert.ok(inMain, 'after the skip link, Tab goes to the main content');
    await close();
  });

  test('every focusable element shows a focus indicator', async () => {
    for (const rel of [shots.home, shots.report, 'search/index.html']) {
      const { page, close } = await open(`${http.origin}/${rel}`);
      const bad = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body) return null;
          const s = getComputedStyle(a);
          return { what: a.outerHTML.slice(0, 80), ok: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
        });
        if (f && !f.ok) bad.push(f.what);
      }
      assert.deepEqual(bad, [], rel);
      await close();
    }
  });

  test('maps and charts have text alternatives', async () => {
    const { page, close } = await open(`${http.origin}/index.html`);
    const svgs = await page.evaluate(() => [...document.querySelectorAll('main svg')].map((s) => ({
      role: s.getAttribute('role'),
      name: (s.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ') + (s.getAttribute('aria-label') || ''),
      caption: s.closest('figure')?.querySelector('figcaption')?.textContent.trim() || '',
    })));
    assert.ok(svgs.length >= 2, 'the home page has a map and a chart');
    for (const s of svgs) {
      assert.ok(s.role === 'img' || s.role === 'group', `svg role ${s.role}`);
      assert.ok(s.name.trim().length > 5, 'svg has a name');
      assert.ok(s.caption.length > 10, 'svg has a caption in words');
    }
    await close();
  });
});

describe('navigation', () => {
  for (const via of ['HTTP', 'file://']) {
    test(`map, timeline, indexes and report links (${via})`, async () => {
      const root = via === 'HTTP' ? `${http.origin}/index.html` : fileURL(sites.main, 'index.html');
      const { page, problems, close } = await open(root, { prefix: via === 'HTTP' ? http.origin : 'file://' });
      // The map: a dot for Mosul leads to Mosul's page.
      await page.locator('.map-svg a[aria-label^="Mosul,"]').click();
      await page.waitForURL(/cities\/mosul\/(index\.html)?$/);
      assert.equal(await page.locator('h1').textContent(), 'Mosul');
      // Mosul's page lists its reports; follow one, then its actor.
      await page.locator('#reports + .reports a').first().click();
      await page.waitForURL(/reports\/[^/]+\/(index\.html)?$/);
      await page.locator('.related').getByRole('link', { name: 'ISIL', exact: true }).click();
      assert.equal(await page.locator('h1').textContent(), 'ISIL');
      // The site navigation: timeline, its chart and its entries.
      await page.locator('.site-header nav').getByRole('link', { name: 'Timeline' }).click();
      assert.equal(await page.locator('h1').textContent(), 'Timeline');
      assert.equal(await page.locator('main svg.chart-svg').count(), 1);
      await page.locator('.timeline .tl-source').first().click();
      await page.waitForURL(/reports\/[^/]+\/(index\.html)?$/);
      // The indexes.
      for (const [name, h1] of [['Cities', 'Cities'], ['Actors', 'Actors'], ['Reports', 'Reports']]) {
        await page.locator('.site-header nav').getByRole('link', { name, exact: true }).click();
        assert.equal(await page.locator('h1').textContent(), h1);
      }
      await page.locator('main .reports a').first().click();
      await page.locator('.prev-next a').first().click();
      await page.waitForURL(/reports\/[^/]+\/(index\.html)?$/);
      assert.deepEqual(problems, []);
      await close();
    });

    test(`search finds ISIL by "Daesh" (${via})`, async () => {
      const url = via === 'HTTP' ? `${http.origin}/search/index.html` : fileURL(sites.main, 'search/index.html');
      const { page, problems, close } = await open(url, { prefix: via === 'HTTP' ? http.origin : 'file://' });
      await page.getByLabel('Search reports, places and actors').fill('Daesh');
      const hit = page.locator('#search-results a', { hasText: 'ISIL' }).first();
      await hit.waitFor();
      await hit.click();
      await page.waitForURL(/actors\/isil\/(index\.html)?$/);
      assert.equal(await page.locator('h1').textContent(), 'ISIL');
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test('search works from the keyboard alone', async () => {
    const { page, problems, close } = await open(`${http.origin}/search/index.html`);
    // Skip link, then the site title and navigation, then the search box.
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.id === 'search-q')) && tabs++ < 30) await page.keyboard.press('Tab');
    assert.ok(tabs < 30, 'Tab reaches the search box');
    await page.keyboard.type('mosul internet');
    await page.keyboard.press('Enter');
    await page.locator('#search-results li').first().waitFor();
    const status = await page.locator('#search-status').textContent();
    assert.match(status, /\d+ results?/);
    // Tab from the box and the button into the results, Enter follows one.
    tabs = 0;
    while (!(await page.evaluate(() => !!document.activeElement?.closest('#search-results'))) && tabs++ < 5) await page.keyboard.press('Tab');
    assert.ok(tabs < 5, 'Tab reaches the results');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.includes('/search/'));
    assert.deepEqual(problems, []);
    await close();
  });

  test('search without JavaScript is a full list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${http.origin}/search/index.html`);
    const n = await page.locator('#all-reports li').count();
    assert.equal(n, pages.filter((p) => pageType(p) === 'report').length);
    assert.equal(await page.locator('#search-form').isVisible(), false, 'the form that needs script is hidden');
    await context.close();
  });
});

describe('design', () => {
  test('screenshots: home, a report, a city and an actor at 390 and 1280 px', async () => {
    const dir = mkdirp(path.join(artifacts, 'screenshots'));
    for (const [name, rel] of Object.entries(shots)) {
      for (const width of [390, 1280]) {
        for (const scheme of width === 1280 ? ['light', 'dark'] : ['light']) {
          const { page, close } = await open(`${http.origin}/${rel}`, { width, scheme, height: width < 500 ? 844 : 900 });
          const suffix = scheme === 'dark' ? '-dark' : '';
          await page.screenshot({ path: path.join(dir, `${name}-${width}${suffix}.png`), fullPage: true });
          if (docs.has(`${name}-${width}${suffix}`)) await page.screenshot({ path: path.join(docsDir, `${name}-${width}${suffix}.png`) });
          await close();
        }
      }
    }
  });

  test('responsive from 320 px: no page scrolls sideways', async () => {
    const bad = [];
    const types = new Map();
    for (const p of pages) if (!types.has(pageType(p))) types.set(pageType(p), p);
    for (const rel of [...types.values(), ...Object.values(shots)]) {
      const { page, close } = await open(`${http.origin}/${rel}`, { width: 320, height: 640 });
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 320) bad.push(`${rel}: ${w}px wide`);
      await close();
    }
    assert.deepEqual(bad, []);
  });

  test('a readable measure: body text is about 60 characters wide', async () => {
    // Measured in the font the browser chose, so that the answer does not
    // depend on which fonts the machine has: the paragraph's width in the
    // font's "0" (the CSS ch), and in the average advance of its own text,
    // both as a canvas measures them in the paragraph's computed font.
    // Text fonts differ in how wide letters are against digits, which moves
    // the second number between about 60 and 76 for the same 60ch; both
    // stay within the 45–80 characters typographers accept.
    const { page, close } = await open(`${http.origin}/${shots.report}`, { width: 1600 });
    const m = await page.evaluate(() => {
      const p = document.querySelector('.report .body p');
      const s = getComputedStyle(p);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const text = p.textContent.replace(/\s+/g, ' ').trim();
      return {
        width: p.clientWidth, zero: ctx.measureText('0'.repeat(100)).width / 100,
        advance: ctx.measureText(text).width / text.length, font: ctx.font,
      };
    });
    const ch = m.width / m.zero, chars = m.width / m.advance;
    numbers.measure = { ch: Math.round(ch), chars: Math.round(chars) };
    const what = `${Math.round(ch)}ch, about ${Math.round(chars)} characters of text a line (${JSON.stringify(m)})`;
    assert.ok(ch >= 55 && ch <= 70, what);
    assert.ok(chars >= 45 && chars <= 80, what);
    await close();
  });

  test('a type scale: headings step down, body text at least 16 px', async () => {
    const { page, close } = await open(`${http.origin}/${shots.city}`);
    const sizes = await page.evaluate(() => Object.fromEntries(['h1', 'h2', '.body p'].map((s) => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)])));
    assert.ok(sizes.h1 > sizes.h2 && sizes.h2 > sizes['.body p'], JSON.stringify(sizes));
    assert.ok(sizes['.body p'] >= 16, JSON.stringify(sizes));
    await close();
  });

  test('pages are light: a report is under 50 KB of HTML and CSS', () => {
    const css = fs.statSync(path.join(sites.main, 'style.css')).size;
    const reports = pages.filter((p) => pageType(p) === 'report');
    const weights = reports.map((p) => fs.statSync(path.join(sites.main, p)).size + css);
    const kb = (n) => Math.round(n / 102.4) / 10;
    numbers.weights = { css: kb(css), reportMaxWithCSS: kb(Math.max(...weights)), home: kb(fs.statSync(path.join(sites.main, 'index.html')).size) };
    for (const [i, w] of weights.entries()) assert.ok(w < 50 * 1024, `${reports[i]}: ${kb(w)} KB with CSS`);
  });

  test('print: no navigation, black on white, links spelled out', async () => {
    const { page, close } = await open(`${http.origin}/${shots.report}`);
    await page.emulateMedia({ media: 'print' });
    const s = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-header nav')).display,
      color: getComputedStyle(document.body).color,
      bg: getComputedStyle(document.body).backgroundColor,
    }));
    assert.equal(s.nav, 'none');
    assert.equal(s.color, 'rgb(0, 0, 0)');
    assert.equal(s.bg, 'rgb(255, 255, 255)');
    await page.pdf({ path: path.join(artifacts, 'report-print.pdf'), format: 'A4' });
    await close();
  });
});

describe('right-to-left', () => {
  test('Arabic names are isolated in lang/dir spans inside English text', async () => {
    const { page, close } = await open(`${http.origin}/${shots.city}`);
    const names = await page.evaluate(() => [...document.querySelectorAll('main [lang="ar"]')].map((e) => ({
      tag: e.tagName, dir: e.getAttribute('dir'), bidi: getComputedStyle(e).unicodeBidi, direction: getComputedStyle(e).direction, text: e.textContent,
    })));
    assert.ok(names.length > 0, 'Mosul has an Arabic name');
    for (const n of names) {
      assert.equal(n.dir, 'rtl');
      assert.equal(n.direction, 'rtl');
      assert.ok(n.bidi === 'isolate' || n.bidi === 'isolate-override', n.bidi);
    }
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    await close();
  });

  test('a report written in Arabic renders right to left, mirrored', async () => {
    const dir = mkdirp(path.join(artifacts, 'screenshots'));
    for (const width of [390, 1280]) {
      const { page, problems, close } = await open(`${rtlHTTP.origin}/${rtlPage}`, { width });
      const r = await page.evaluate(() => {
        const rect = (s) => document.querySelector(s).getBoundingClientRect();
        const h1 = document.querySelector('h1');
        return {
          lang: document.documentElement.lang, dir: document.documentElement.dir,
          h1Direction: getComputedStyle(h1).direction, h1Align: getComputedStyle(h1).textAlign,
          h1Right: rect('h1').right, mainRight: rect('main').right, mainLeft: rect('main').left,
          article: rect('.report'), aside: rect('.related'),
          bodyText: document.querySelector('.report .body p').textContent,
          titleRight: rect('.site-title').right, headerRight: rect('.site-header .wrap').right,
        };
      });
      assert.equal(r.lang, 'ar');
      assert.equal(r.dir, 'rtl');
      assert.equal(r.h1Direction, 'rtl');
      assert.match(r.bodyText, /الموصل/);
      // Mirrored: the title sits at the right edge of the content, and on a
      // wide screen the sidebar moves to the left of the article.
      const pad = 40;
      assert.ok(r.mainRight - r.h1Right < pad, `h1 starts at the right (${r.h1Right} of ${r.mainRight})`);
      assert.ok(r.headerRight - r.titleRight < pad, 'the site title starts at the right');
      if (width === 1280) assert.ok(r.aside.right <= r.article.left + 1, `the sidebar is left of the article (${JSON.stringify([r.aside, r.article])})`);
      await page.screenshot({ path: path.join(dir, `report-rtl-${width}.png`), fullPage: true });
      if (docs.has(`report-rtl-${width}`)) await page.screenshot({ path: path.join(docsDir, `report-rtl-${width}.png`) });
      assert.deepEqual(problems, []);
      await close();
    }
  });
});
