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

import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseCSV } from 'csv-parse/sync';
import edtf from 'edtf';

import {
  arabicSlug, artifacts, e2eDir, repoRoot, buildSites, fileURL, htmlPages, launch, mkdirp, need, pageType, serve, watch,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const vnuJar = require('vnu-jar');

// With E2E_DOCS=1 the screenshots the README shows are rewritten too, as
// the first screenful of each page.
const docsDir = path.join(repoRoot, 'docs', 'screenshots');
const docs = new Set(process.env.E2E_DOCS ? ['home-1280', 'report-390', 'city-1280-dark', 'actor-390', 'record-1280', 'home-map-1280', 'home-map-390',
  'home-chart-390', 'city-1280', 'city-390', 'city-strip-390',
  'ar-home-1280', 'ar-home-390', 'ar-report-1280', 'ar-report-390', 'ar-city-1280', 'ar-city-390'] : []);

// The pages photographed and checked one by one.
const shots = {
  home: 'index.html',
  report: 'reports/2016-08-12-isil-cuts-internet-across-mosul/index.html',
  city: 'cities/mosul/index.html',
  actor: 'actors/isil/index.html',
  record: 'records/mosul-mobile-2014/index.html',
  records: 'records/index.html',
};
const rtlPage = `reports/${arabicSlug}/index.html`;
// The site's other editions, each under its folder (site.yaml's languages:).
const editions = ['ar', 'ckb'];

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
    // 404.html (ar/404.html, ...) is the one page whose links start from
    // the host's root: it is served at any path by a host, never opened
    // from disk.
    for (const rel of pages.filter((p) => !p.endsWith('404.html'))) {
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
    for (const rel of pages.filter((p) => !p.endsWith('404.html'))) {
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
  // Every page, in light and in dark mode. Two tabs at a time.
  for (const scheme of ['light', 'dark']) {
    test(`every page in ${scheme} mode: zero violations`, async () => {
      const list = [...pages.map((p) => [http.origin, p]), [rtlHTTP.origin, rtlPage]];
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
    const svgs = await page.evaluate(() => [...document.querySelectorAll('main svg.map-svg')].map((s) => ({
      role: s.getAttribute('role'),
      name: (s.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ') + (s.getAttribute('aria-label') || ''),
      caption: s.closest('figure')?.querySelector('figcaption')?.textContent.trim() || '',
    })));
    assert.ok(svgs.length >= 1, 'the home page has a map');
    for (const s of svgs) {
      assert.ok(s.role === 'img' || s.role === 'group', `svg role ${s.role}`);
      assert.ok(s.name.trim().length > 5, 'svg has a name');
      assert.ok(s.caption.length > 10, 'svg has a caption in words');
    }
    // The chart: named by its title, its bars links named in words, its
    // numbers in a table; the rectangles are hidden from screen readers.
    const chart = await page.evaluate(() => {
      const f = document.querySelector('main figure.chart');
      return {
        name: document.getElementById(f.getAttribute('aria-labelledby'))?.textContent || '',
        bars: [...f.querySelectorAll('.chart-months a')].map((a) => a.querySelector('.n').textContent + a.querySelector('.vh').textContent),
        rows: f.querySelectorAll('details table tbody tr').length,
        hidden: [...f.querySelectorAll('svg')].every((s) => s.getAttribute('aria-hidden') === 'true'),
      };
    });
    assert.match(chart.name, /month/);
    assert.ok(chart.bars.length > 0 && chart.bars.every((b) => /^\d+ shutdowns? began in \w+ \d{4} \(/.test(b)), chart.bars.join('; '));
    assert.ok(chart.rows >= chart.bars.length);
    assert.ok(chart.hidden);
    await close();
  });
});

describe('charts, strips and maps on a phone and from the keyboard', () => {
  // The pages with a chart, a strip or a map.
  const figures = ['index.html', 'timeline/index.html', shots.city, shots.actor, 'actors/itpc/index.html', 'records/index.html', 'cities/index.html'];

  test('every chart, strip and map text is at least 12 CSS px at 390 px', async () => {
    const bad = [];
    for (const rel of figures) {
      const { page, close } = await open(`${http.origin}/${rel}`, { width: 390, height: 844 });
      const sizes = await page.evaluate(() => {
        const out = [];
        for (const fig of document.querySelectorAll('main :is(figure.chart, figure.strip, figure.map)')) {
          for (const el of fig.querySelectorAll('*')) {
            if (el.closest('details:not([open])') || el.closest('figcaption')) continue; // the table and the legend are body text
            if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
            if (el.getClientRects().length === 0 && !(el instanceof SVGElement)) continue; // display: none
            const s = getComputedStyle(el);
            if (s.display === 'none') continue;
            const scale = el instanceof SVGGraphicsElement ? el.getScreenCTM().a : 1;
            out.push({ text: el.textContent.trim().slice(0, 30), px: Math.round(parseFloat(s.fontSize) * scale * 10) / 10 });
          }
        }
        return out;
      });
      if (sizes.length === 0) bad.push(`${rel}: no chart text found`);
      for (const t of sizes) if (t.px < 12) bad.push(`${rel}: "${t.text}" at ${t.px}px`);
      await close();
    }
    assert.deepEqual(bad, []);
  });

  test('every chart mark is a link and has a legend entry', async () => {
    const bad = [];
    for (const rel of figures) {
      const { page, close } = await open(`${http.origin}/${rel}`, { width: 390, height: 844 });
      bad.push(...(await page.evaluate((rel) => {
        const bad = [];
        for (const fig of document.querySelectorAll('main :is(figure.chart, figure.strip, figure.map)')) {
          const swatches = new Set([...fig.querySelectorAll('figcaption .swatch')].flatMap((s) => [...s.classList]));
          const need = (cls, what) => { if (!swatches.has(cls)) bad.push(`${rel}: no legend for ${what} (${cls})`); };
          const marks = fig.querySelectorAll('.chart-months rect, .chart-band rect, .strip-bar rect, .map-svg circle');
          if (marks.length === 0) bad.push(`${rel}: a figure without marks`);
          for (const m of marks) {
            const a = m.closest('a');
            if (!a || !(a.getAttribute('href') || a.getAttribute('xlink:href'))) bad.push(`${rel}: a mark that is not a link: ${m.outerHTML.slice(0, 60)}`);
            const c = (a?.getAttribute('class') || '') + ' ' + (m.getAttribute('class') || '');
            if (fig.matches('.chart')) need(m.classList[0], 'a bar colour');
            if (fig.matches('.strip')) {
              need(a.classList[1], 'a row colour');
              need('strip-' + m.classList[1], 'a segment kind');
            }
            if (fig.matches('.record-map')) need(/rdot-open/.test(c) ? 'rdot-open' : 'rdot-over', 'a dot colour');
            else if (fig.matches('.map')) need(/current/.test(c) ? 'dot-current' : /container/.test(c) ? 'dot-ring' : 'dot-place', 'a dot');
          }
          if (fig.matches('.chart') && !fig.querySelector('details table tbody tr')) bad.push(`${rel}: a chart without its table`);
          if (fig.matches('.chart')) for (const a of fig.querySelectorAll('.chart-months a')) if (!/^\d+$/.test(a.querySelector('.n').textContent)) bad.push(`${rel}: a bar without its count`);
          if (fig.matches('.chart')) for (const a of fig.querySelectorAll('.chart-band')) if (!/\d+ shutdown/.test(a.textContent)) bad.push(`${rel}: a band without its count`);
        }
        return [...new Set(bad)];
      }, rel)));
      await close();
    }
    assert.deepEqual(bad, []);
  });

  test('Tab from the top of the home page reaches the main content in 3 presses or fewer', async () => {
    const { page, close } = await open(`${http.origin}/index.html`);
    let presses = 0, inMain = false;
    for (const key of ['Tab', 'Enter', 'Tab']) {
      await page.keyboard.press(key);
      presses++;
      inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
      if (inMain) break;
    }
    assert.ok(inMain, 'Tab, Enter (the skip link), Tab lands in main');
    assert.ok(presses <= 3);
    await close();
  });

  test('a map is one tab stop, moved through with the arrow keys; a focused dot shows its name', async () => {
    for (const rel of ['index.html', shots.city]) {
      const { page, close } = await open(`${http.origin}/${rel}`, { width: 390, height: 844 });
      const stops = await page.evaluate(() => [...document.querySelectorAll('main svg.map-svg a')].filter((a) => a.tabIndex >= 0).length);
      assert.equal(stops, 1, `${rel}: one dot in the tab order`);
      await page.locator('main svg.map-svg a[tabindex="0"]').focus();
      const seen = new Set();
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft']) {
        const f = await page.evaluate(() => {
          const a = document.activeElement;
          const name = [...a.querySelectorAll('text')].find((t) => getComputedStyle(t).visibility === 'visible' && getComputedStyle(t).display !== 'none' && !/^\d+$/.test(t.textContent));
          return { inMap: !!a.closest('svg.map-svg'), label: a.getAttribute('aria-label'), name: name?.textContent || '', tabIndex: a.tabIndex };
        });
        assert.ok(f.inMap, `${rel}: focus stays on the map`);
        assert.ok(f.name && f.label.includes(f.name), `${rel}: the focused dot shows its name: ${f.label} shows "${f.name}"`);
        assert.equal(f.tabIndex, 0);
        seen.add(f.label);
        await page.keyboard.press(key);
      }
      assert.ok(seen.size >= 2, `${rel}: the arrow keys move between dots`);
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !document.activeElement.closest('svg.map-svg')), `${rel}: Tab leaves the map`);
      await close();
    }
  });
});

describe('navigation', () => {
  for (const via of ['HTTP', 'file://']) {
    test(`map, timeline, indexes and report links (${via})`, async () => {
      const root = via === 'HTTP' ? `${http.origin}/index.html` : fileURL(sites.main, 'index.html');
      const { page, problems, close } = await open(root, { prefix: via === 'HTTP' ? http.origin : 'file://' });
      // The map: a dot for Mosul leads to Mosul's page.
      await page.locator('.map-svg a[aria-label^="Mosul:"]').click();
      await page.waitForURL(/cities\/mosul\/(index\.html)?$/);
      assert.equal(await page.locator('h1').textContent(), 'Mosul');
      // Mosul's page lists its reports; follow one, then its actor.
      await page.locator('#reports + .reports a').first().click();
      await page.waitForURL(/reports\/[^/]+\/(index\.html)?$/);
      await page.locator('.related').getByRole('link', { name: 'ISIL', exact: true }).click();
      assert.equal(await page.locator('h1').textContent(), 'ISIL');
      // The site navigation: timeline, its chart and its entries: records
      // (each links to its record) and reports.
      await page.locator('.site-header nav').getByRole('link', { name: 'Timeline' }).click();
      assert.equal(await page.locator('h1').textContent(), 'Timeline');
      assert.equal(await page.locator('main figure.chart').count(), 1);
      // A bar of the chart leads to its month on the timeline.
      await page.locator('.chart-months a').first().click();
      assert.ok(await page.evaluate(() => /^#m\d{4}-\d\d$/.test(location.hash) && !!document.querySelector(location.hash)), 'the bar lands on its month');
      await page.locator('.timeline .tl-source a').first().click();
      await page.waitForURL(/records\/[^/]+\/(index\.html)?$/);
      await page.goBack();
      await page.locator('.timeline .tl-report a').first().click();
      await page.waitForURL(/reports\/[^/]+\/(index\.html)?$/);
      // The indexes.
      for (const [name, h1] of [['Shutdowns', 'Shutdowns'], ['Places', 'Places'], ['Actors', 'Actors'], ['Reports', 'Reports']]) {
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
      await page.getByLabel('Search reports, records, places and actors').fill('Daesh');
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

  test('search without JavaScript links the reports index', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${http.origin}/search/index.html`);
    await page.locator('#all-reports a').click();
    await page.waitForURL((u) => u.pathname.endsWith('/reports/index.html'));
    const n = await page.locator('.reports li').count();
    assert.equal(n, pages.filter((p) => pageType(p) === 'report').length);
    assert.equal(await page.locator('#search-form').isVisible(), false, 'the form that needs script is hidden');
    await context.close();
  });
});

// settled waits until the search status line has an answer, not
// "Searching…" in any language (search.js marks it data-state="done"), and
// returns it.
async function settled(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status');
    return s.textContent !== '' && s.dataset.state !== 'searching';
  });
  return page.locator('#search-status').textContent();
}

// resultPaths lists the addresses of the results shown, from the site root.
async function resultPaths(page) {
  const hrefs = await page.locator('#search-results li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => h.replace(/^(\.\.\/)+/, ''));
}

// searchWords is a rough version of the index's analysis, enough for
// English: accents and case dropped, cut at what is not a letter or digit.
const searchWords = (s) => (s || '').normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];

// expectedMatches computes, from the built site's open data and pages and
// not from the search index, the reports and records that a search for
// words beginning with `prefix`, in a place (rolled up through within) and
// with a service, must return.
async function expectedMatches(page, root, { prefix, place, service }) {
  const read = (f) => fs.readFileSync(path.join(root, f), 'utf8');
  const entities = JSON.parse(read('data/entities.json'));
  const reports = JSON.parse(read('data/reports.json'));
  const records = JSON.parse(read('data/records.json'));
  const events = parseCSV(read('data/events.csv'), { columns: true });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const names = (id) => { const e = byId.get(id); return e ? [e.name, e.id, ...e.aliases, ...Object.values(e.names || {})] : []; };
  const inPlace = (id) => { for (let e = byId.get(id), n = 0; e && n < 100; e = byId.get(e.within), n++) if (e.id === place) return true; return false; };
  const pageText = (rel, sel) => page.evaluate(([html, sel]) => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll(sel)].map((n) => n.textContent).join(' '), [read(rel), sel]);
  const found = (texts) => texts.some((t) => searchWords(t).some((w) => w.startsWith(prefix)));
  const want = [];
  for (const r of reports) {
    const rel = `reports/${r.slug}/index.html`;
    const services = events.filter((e) => e.report === r.slug).flatMap((e) => e.services.split(';'));
    const ids = Object.values(r.entities).flat();
    if (!services.includes(service) || !(r.entities.cities || []).some(inPlace)) continue;
    if (found([r.title, r.summary, await pageText(rel, '.report .body'), ...ids.flatMap(names)])) want.push(rel);
  }
  for (const r of records) {
    const rel = `records/${r.id}/index.html`;
    const notes = events.filter((e) => e.record === r.id).map((e) => e.note);
    const ids = [...Object.values(r.roles).flat(), ...r.restored_by];
    if (!r.services.includes(service) || !(r.roles.where || []).some(inPlace)) continue;
    if (found([r.title, await pageText(rel, '.record header .summary, .record .body'), ...notes, ...ids.flatMap(names)])) want.push(rel);
  }
  return want.sort();
}

describe('search ranks and filters', () => {
  test('"Mosul" ranks the Mosul page first; the status line and count are right after Enter', async () => {
    const { page, problems, close } = await open(`${http.origin}/search/index.html`);
    const box = page.getByLabel('Search reports, records, places and actors');
    await box.fill('Mosul');
    await box.press('Enter');
    let status = await settled(page);
    assert.match(status, /^\d+ results for “Mosul”, showing the first 10\.$/);
    assert.equal((await resultPaths(page))[0], 'cities/mosul/index.html');
    // Enter again, on a search already shown, still ends in a count.
    await box.press('Enter');
    status = await settled(page);
    assert.match(status, /^\d+ results for “Mosul”/);
    await box.fill('zzqqxx');
    await box.press('Enter');
    assert.equal(await settled(page), 'No results for “zzqqxx”.');
    assert.equal(await page.locator('#search-results').isVisible(), false);
    assert.deepEqual(problems, []);
    await close();
  });

  for (const via of ['HTTP', 'file://']) {
    test(`?q=cut&place=nineveh&service=mobile returns exactly the matching reports and records (${via})`, async () => {
      const rel = 'search/index.html?q=cut&place=nineveh&service=mobile';
      const url = via === 'HTTP' ? `${http.origin}/${rel}` : fileURL(sites.main, 'search/index.html') + '?q=cut&place=nineveh&service=mobile';
      const { page, problems, close } = await open(url, { prefix: via === 'HTTP' ? http.origin : 'file://' });
      const status = await settled(page);
      const want = await expectedMatches(page, sites.main, { prefix: 'cut', place: 'nineveh', service: 'mobile' });
      assert.ok(want.length > 1 && want.some((p) => p.startsWith('records/')) && want.some((p) => p.startsWith('reports/')), 'the test has reports and records to find');
      assert.deepEqual((await resultPaths(page)).sort(), want);
      assert.match(status, new RegExp(`^${want.length} results for “cut” \\(Place: Nineveh Province; Service: Mobile phone service\\)\\.$`));
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test('a facet change updates the results, the count and the address', async () => {
    const { page, problems, close } = await open(`${http.origin}/search/index.html?q=cut`);
    await settled(page);
    const link = page.locator('[data-facet="place"] a', { hasText: 'Nineveh Province' });
    const n = Number(await link.locator('.count').textContent());
    await link.click();
    const status = await settled(page);
    assert.equal(status, `${n} results for “cut” (Place: Nineveh Province)${n > 10 ? ', showing the first 10' : ''}.`);
    assert.equal(await page.locator('#search-results li').count(), Math.min(n, 10));
    assert.match(page.url(), /[?&]place=nineveh(&|$)/);
    // The chosen value is marked, and choosing it again removes it.
    const chosen = page.locator('[data-facet="place"] a[aria-current="true"]');
    assert.equal(await chosen.count(), 1);
    await chosen.click();
    assert.match(await settled(page), /^\d+ results for “cut”(, showing the first 10)?\.$/);
    assert.doesNotMatch(page.url(), /place=/);
    // A facet alone, with no words, is a search too.
    await page.goto(`${http.origin}/search/index.html?kind=record&place=mosul`);
    const only = await settled(page);
    const paths = await resultPaths(page);
    assert.ok(paths.length > 0 && paths.every((p) => p.startsWith('records/')), only);
    assert.match(only, new RegExp(`^${paths.length} results? \\(Kind: Records; Place: Mosul\\)\\.$`));
    assert.deepEqual(problems, []);
    await close();
  });

  test('result dates are in words, on one line at 390 px', async () => {
    const { page, close } = await open(`${http.origin}/search/index.html?q=mosul&kind=report`, { width: 390 });
    await settled(page);
    const dates = await page.locator('#search-results time').evaluateAll((ts) => ts.map((t) => ({ text: t.textContent, lines: t.getClientRects().length, iso: t.dateTime })));
    assert.ok(dates.length > 0);
    for (const d of dates) {
      assert.match(d.text, /^\d{1,2} [A-Z][a-z]+ \d{4}$/, d.iso);
      assert.equal(d.lines, 1, `${d.text} on one line`);
    }
    await close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`the search page with results and facets: axe finds nothing (${scheme})`, async () => {
      const { page, close } = await open(`${http.origin}/search/index.html?q=mosul`, { scheme });
      await settled(page);
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] }));
      assert.ok(await page.locator('#search-results mark').count() > 0, 'there are highlighted words');
      assert.deepEqual(result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      await close();
    });
  }
});

describe('design', () => {
  test('screenshots: home, a report, a city, an actor and a record at 390 and 1280 px', async () => {
    const dir = mkdirp(path.join(artifacts, 'screenshots'));
    for (const [name, rel] of Object.entries(shots)) {
      for (const width of [390, 1280]) {
        for (const scheme of width === 1280 ? ['light', 'dark'] : ['light']) {
          const { page, close } = await open(`${http.origin}/${rel}`, { width, scheme, height: width < 500 ? 844 : 900 });
          const suffix = scheme === 'dark' ? '-dark' : '';
          await page.screenshot({ path: path.join(dir, `${name}-${width}${suffix}.png`), fullPage: true });
          if (docs.has(`${name}-${width}${suffix}`)) await page.screenshot({ path: path.join(docsDir, `${name}-${width}${suffix}.png`) });
          // The home page's map, its legend and key, as a phone shows them.
          if (name === 'home') {
            const map = page.locator('section:has(> .record-map)');
            await map.screenshot({ path: path.join(dir, `home-map-${width}${suffix}.png`) });
            if (docs.has(`home-map-${width}${suffix}`)) await map.screenshot({ path: path.join(docsDir, `home-map-${width}${suffix}.png`) });
          }
          // The chart of shutdowns per month, and a city's strip.
          for (const [part, sel] of [['home-chart', 'home:section:has(> .chart)'], ['city-strip', 'city:section:has(> .strip)']]) {
            if (!sel.startsWith(name + ':')) continue;
            const el = page.locator(sel.slice(name.length + 1));
            await el.screenshot({ path: path.join(dir, `${part}-${width}${suffix}.png`) });
            if (docs.has(`${part}-${width}${suffix}`)) await el.screenshot({ path: path.join(docsDir, `${part}-${width}${suffix}.png`) });
          }
          await close();
        }
      }
    }
  });

  test('responsive from 320 px: no page scrolls sideways (every page)', async () => {
    const bad = [];
    const v = await visitor({ width: 320, prefix: 'http://127.0.0.1' });
    await v.page.setViewportSize({ width: 320, height: 640 });
    for (const [origin, rel] of [...pages.map((p) => [http.origin, p]), [rtlHTTP.origin, rtlPage]]) {
      await v.visit(`${origin}/${rel}`);
      const [sw, cw] = await v.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (sw > cw) bad.push(`${rel}: ${sw}px wide in ${cw}px`);
    }
    await v.close();
    numbers['overflow-320'] = { pages: pages.length + 1, overflowing: bad.length };
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

// The site's data: its records as data/records.json lists them, and its
// entities by id.
const data = (name) => JSON.parse(fs.readFileSync(path.join(sites.main, 'data', name), 'utf8'));

// sitePath turns a link on a page into the page's folder in the site:
// "records/mosul-mobile-2014/".
const sitePath = (href) => new URL(href).pathname.replace(/^\//, '').replace(/index\.html$/, '');

describe('shutdown records', () => {
  test('the Mosul mobile record: restored in October 2016, with both reports that saw it and their dates', async () => {
    for (const width of [1280, 390]) {
      const { page, problems, close } = await open(`${http.origin}/${shots.record}`, { width });
      const answer = page.locator('.record .answer');
      assert.ok(await answer.isVisible(), 'the one-line answer is shown');
      assert.match(await answer.textContent(), /restored in October 2016\.$/);
      assert.ok((await answer.boundingBox()).y < 844, `the answer is on the first screen at ${width} px`);
      // The evidence: each row, its report and what it said. The two reports
      // that saw the cut give different dates, and both are shown.
      const rows = await page.locator('table.evidence tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        report: tr.querySelector('a[href*="reports/"]')?.href.replace(/#.*/, ''),
        ending: tr.classList.contains('ending'),
        text: tr.textContent.replace(/\s+/g, ' ').trim(),
        visible: tr.getBoundingClientRect().height > 0,
      })));
      const saw = rows.filter((r) => !r.ending);
      assert.deepEqual(saw.map((r) => sitePath(r.report)), [
        'reports/2014-12-01-isil-suspends-mobile-service-in-mosul/',
        'reports/2016-11-01-forces-restore-mobile-service-in-mosul/',
      ]);
      assert.ok(saw[0].text.includes('November 2014 – ongoing as of 1 December 2014'), saw[0].text);
      assert.ok(saw[1].text.includes('2014 – October 2016'), saw[1].text);
      assert.ok(rows.every((r) => r.visible), 'every row is shown');
      assert.ok(rows.some((r) => r.ending && r.text.includes('Restoration')), 'the restorations are evidence too');
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(w <= width, `the page is ${w} px wide at ${width} px`);
      assert.deepEqual(problems, []);
      await close();
    }
  });

  test('Mosul\'s page lists the mobile-service cut once, restored in October 2016', async () => {
    const { page, close } = await open(`${http.origin}/${shots.city}`);
    const rows = await page.locator('table.records tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      href: tr.querySelector('a')?.getAttribute('href'), text: tr.textContent.replace(/\s+/g, ' ').trim(),
    })));
    const mobile = rows.filter((r) => r.text.includes('Mobile phone service') && r.text.startsWith('ISIL cuts'));
    assert.equal(mobile.length, 1, JSON.stringify(rows, null, 1));
    assert.match(mobile[0].href, /records\/mosul-mobile-2014\//);
    assert.match(mobile[0].text, /restored in October 2016/);
    await close();
  });

  test('no page says a bare "ongoing": always "ongoing as of" a date', () => {
    // The pages that explain the data's vocabulary name the word itself.
    const explain = new Set(['about/index.html', 'methodology/index.html', 'data/index.html']);
    const bare = [];
    for (const rel of pages.filter((p) => !explain.has(p.replace(/^(ar|ckb)\//, '')))) {
      const text = fs.readFileSync(path.join(sites.main, rel), 'utf8')
        .replace(/<(script|style)[^]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      for (const m of text.matchAll(/\bongoing\b(?! as of)/gi)) bare.push(`${rel}: …${text.slice(Math.max(0, m.index - 50), m.index + 30)}…`);
    }
    assert.deepEqual(bare, []);
  });

  for (const width of [1280, 390]) {
    test(`every report opens with "What happened", above its text, one line a record, readable (${width} px)`, async () => {
      const records = data('records.json');
      const reports = pages.filter((p) => pageType(p) === 'report');
      const v = await visitor({ width, prefix: http.origin });
      const bad = [];
      for (const rel of reports) {
        await v.visit(`${http.origin}/${rel}`);
        const slug = rel.split('/')[1];
        const want = records.filter((r) => r.evidence.includes(slug)).map((r) => `records/${r.id}/`).sort();
        const got = await v.page.evaluate(() => {
          const box = document.querySelector('.what-happened');
          if (!box) return null;
          const r = (e) => e.getBoundingClientRect();
          const body = document.querySelector('.report .body');
          const summary = document.querySelector('.report .summary');
          const items = [...box.querySelectorAll('li')].map((li) => ({
            links: [...li.querySelectorAll('a')].map((a) => a.href),
            right: Math.max(...[li, ...li.querySelectorAll('*')].map((e) => r(e).right)),
            fontSize: parseFloat(getComputedStyle(li).fontSize),
            text: li.textContent,
          }));
          const style = getComputedStyle(box);
          return {
            visible: style.display !== 'none' && style.visibility !== 'hidden' && r(box).height > 0,
            heading: box.querySelector('h2')?.textContent,
            top: r(box).top, bottom: r(box).bottom, right: r(box).right,
            bodyTop: r(body).top, summaryBottom: summary ? r(summary).bottom : 0,
            overflow: box.scrollWidth > box.clientWidth,
            viewport: document.documentElement.clientWidth,
            items,
          };
        });
        if (!want.length) {
          if (got) bad.push(`${rel}: a "What happened" block, though no record cites it`);
          continue;
        }
        if (!got) { bad.push(`${rel}: no "What happened" block`); continue; }
        if (!got.visible) bad.push(`${rel}: the block is hidden`);
        if (got.heading !== 'What happened') bad.push(`${rel}: heading ${got.heading}`);
        if (!(got.summaryBottom <= got.top && got.bottom <= got.bodyTop)) bad.push(`${rel}: not between the summary and the article (${got.summaryBottom}, ${got.top}–${got.bottom}, ${got.bodyTop})`);
        if (got.overflow || got.right > got.viewport) bad.push(`${rel}: the block overflows (${got.right} > ${got.viewport})`);
        const links = [];
        for (const it of got.items) {
          const recs = it.links.map(sitePath).filter((h) => h.startsWith('records/'));
          if (recs.length !== 1) bad.push(`${rel}: a line with ${recs.length} record links: ${it.text}`);
          links.push(...recs);
          if (it.right > got.viewport) bad.push(`${rel}: a line runs off the screen: ${it.text}`);
          if (it.fontSize < 15) bad.push(`${rel}: ${it.fontSize}px text`);
          if (!/(restored|ended|ongoing as of|end not known)/.test(it.text)) bad.push(`${rel}: a line without a status: ${it.text}`);
        }
        assert.deepEqual(links.sort(), want, `${rel}: one line for each record the report is evidence for`);
      }
      await v.close();
      numbers[`whatHappened-${width}`] = reports.length;
      assert.deepEqual(bad, []);
    });
  }
});

describe('the map of where service was cut', () => {
  for (const rel of ['index.html', 'records/index.html']) {
    for (const width of [1280, 390]) {
      test(`${rel} at ${width} px: every dot a link, named or numbered in the key, no overlap, a legend for each colour`, async () => {
        const { page, problems, close } = await open(`${http.origin}/${rel}`, { width, height: 844 });
        await page.locator('.record-map').scrollIntoViewIfNeeded();
        const m = await page.evaluate(() => {
          const fig = document.querySelector('.record-map');
          const svg = fig.querySelector('svg');
          const sr = svg.getBoundingClientRect();
          const scale = sr.width / svg.viewBox.baseVal.width;
          const box = (e) => { const b = e.getBoundingClientRect(); return { x0: b.left, y0: b.top, x1: b.right, y1: b.bottom }; };
          // An SVG link's href is an SVGAnimatedString: resolve it by hand.
          const url = (a) => a && new URL(a.getAttribute('href'), location.href).href;
          const dots = [...svg.querySelectorAll('circle:not(.hit)')].map((c) => {
            const a = c.closest('a');
            const text = a?.querySelector('text');
            const hit = a?.querySelector('.hit');
            const cb = c.getBoundingClientRect();
            return {
              href: url(a) ?? null, label: a?.getAttribute('aria-label') ?? '',
              text: text?.textContent ?? '', number: text?.classList.contains('num') ?? false,
              textBox: text ? box(text) : null,
              fontPx: text ? parseFloat(getComputedStyle(text).fontSize) * scale : 0,
              fill: getComputedStyle(c).fill,
              cx: (cb.left + cb.right) / 2, cy: (cb.top + cb.bottom) / 2,
              hit: hit ? box(hit) : null,
            };
          });
          // Hit testing: a 5 x 5 grid over the 24 x 24 px square centred on
          // each dot, within the map.
          for (const d of dots) {
            d.hits = 0;
            for (let i = 0; i < 5; i++) {
              for (let j = 0; j < 5; j++) {
                const x = Math.min(Math.max(d.cx - 12 + i * 6, sr.left + 1), sr.right - 1);
                const y = Math.min(Math.max(d.cy - 12 + j * 6, sr.top + 1), sr.bottom - 1);
                if (url(document.elementFromPoint(x, y)?.closest('a')) === d.href) d.hits++;
              }
            }
          }
          const key = [...fig.querySelectorAll('.map-key li')].map((li) => {
            const a = li.querySelector('a');
            const b = a.getBoundingClientRect();
            return { number: li.value, href: a.href, name: a.textContent, w: b.width, h: b.height };
          });
          const legend = [...fig.querySelectorAll('.legend li')].map((li) => ({
            text: li.textContent, swatch: li.querySelector('.swatch') ? getComputedStyle(li.querySelector('.swatch')).backgroundColor : null,
          }));
          const outside = [...fig.querySelectorAll('figcaption a')].filter((a) => !a.closest('.map-key')).map((a) => a.href);
          return { dots, key, legend, outside, svg: box(svg) };
        });
        const bad = [];
        assert.ok(m.dots.length > 0, 'the map has dots');
        // Only the places where records happened, and all of them.
        const entities = new Map(data('entities.json').map((e) => [e.id, e]));
        const want = new Set(data('records.json').flatMap((r) => r.where).filter((id) => entities.get(id)?.coordinates).map((id) => entities.get(id).url.replace(/^\//, '')));
        const shown = new Set([...m.dots.map((d) => d.href), ...m.outside].filter(Boolean).map(sitePath));
        assert.deepEqual([...shown].filter((h) => !h.startsWith('cities/') || want.has(h)).sort(), [...want].sort(), 'the dots are the places of the records');
        const texts = [];
        for (const d of m.dots) {
          if (!d.href) { bad.push(`a dot that is not a link: ${JSON.stringify(d)}`); continue; }
          const where = sitePath(d.href);
          if (!d.text) { bad.push(`${where}: no visible text`); continue; }
          if (d.number) {
            const k = m.key.find((k) => String(k.number) === d.text);
            if (!k || k.href !== d.href) bad.push(`${where}: number ${d.text} is not in the key`);
            else if (!d.label.startsWith(`${d.text}. ${k.name}:`)) bad.push(`${where}: its name "${d.label}" does not say its number and place`);
            // The key's link is the dot's full-size equivalent (WCAG 2.5.8).
            if (k && (k.w < 24 || k.h < 24)) bad.push(`${where}: key link ${k.w}x${k.h} px`);
          } else if (!d.label.startsWith(`${d.text}:`)) {
            bad.push(`${where}: label "${d.text}" is not its accessible name "${d.label}"`);
          }
          if (d.fontPx < 12) bad.push(`${where}: label ${d.fontPx.toFixed(1)} px`);
          const t = d.textBox;
          if (t.x0 < m.svg.x0 - 0.5 || t.x1 > m.svg.x1 + 0.5 || t.y0 < m.svg.y0 - 0.5 || t.y1 > m.svg.y1 + 0.5) bad.push(`${where}: "${d.text}" runs off the map`);
          texts.push({ where, ...d });
          // Named dots are full targets: 24 x 24 CSS px around the dot, which
          // no other link covers.
          if (width === 390 && !d.number) {
            if (!d.hit || d.hit.x1 - d.hit.x0 < 24 || d.hit.y1 - d.hit.y0 < 24) bad.push(`${where}: hit area ${JSON.stringify(d.hit)}`);
            if (d.hits < 25) bad.push(`${where}: ${25 - d.hits} of 25 points in its 24 px square go elsewhere`);
          }
        }
        // Names and numbers do not overlap one another (a pixel of slack for
        // glyph boxes that touch).
        for (const [i, a] of texts.entries()) {
          for (const b of texts.slice(i + 1)) {
            const A = a.textBox, B = b.textBox;
            if (A.x0 < B.x1 - 1 && B.x0 < A.x1 - 1 && A.y0 < B.y1 - 1 && B.y0 < A.y1 - 1) bad.push(`"${a.text}" (${a.where}) overlaps "${b.text}" (${b.where})`);
          }
        }
        assert.equal(m.key.length, m.dots.filter((d) => d.number).length, 'the key lists the numbered dots');
        // A legend entry of the same colour for every colour of dot.
        const swatches = new Set(m.legend.map((l) => l.swatch).filter(Boolean));
        for (const fill of new Set(m.dots.map((d) => d.fill))) if (!swatches.has(fill)) bad.push(`no legend for dots of ${fill}`);
        if (m.key.length && !m.legend.some((l) => /number/.test(l.text))) bad.push('no legend for the numbers');
        if (!m.legend.some((l) => /larger dot/.test(l.text))) bad.push('no legend for the dot sizes');
        numbers[`map-${rel.split('/')[0].replace('.html', '')}-${width}`] = { dots: m.dots.length, named: m.dots.length - m.key.length, numbered: m.key.length };
        assert.deepEqual(bad, []);
        assert.deepEqual(problems, []);
        await close();
      });
    }
  }
});

describe('open data', () => {
  // csv reads a CSV file of the site with a real CSV parser: quoted fields
  // hold commas, quotes and line breaks. bom: a byte-order mark, if the
  // site writes one, is not part of the first header.
  const csv = (name) => parseCSV(fs.readFileSync(path.join(sites.main, 'data', name)), { columns: true, bom: true, strict: true });
  const precisions = { 1: 'year', 2: 'month', 3: 'day' };

  test('every date and period in records.csv and events.csv is EDTF, at its stated precision', () => {
    const bad = [];
    let n = 0;
    // check parses one cell; precision is the column that says how
    // precisely it is known, where there is one.
    const check = (file, row, col, precisionCol) => {
      const v = row[col];
      if (v === '') return null;
      n++;
      let d;
      try { d = edtf(v); } catch (e) { bad.push(`${file} ${row.id} ${col}=${v}: ${e.message.split('\n')[0]}`); return null; }
      if (d.edtf !== v) bad.push(`${file} ${row.id} ${col}=${v}: reads back as ${d.edtf}`);
      if (precisionCol && precisions[d.precision] !== row[precisionCol]) bad.push(`${file} ${row.id} ${col}=${v}: precision ${precisions[d.precision]}, the file says ${row[precisionCol]}`);
      return d;
    };
    const records = csv('records.csv');
    assert.ok(records.length > 0);
    assert.equal(Object.keys(records[0])[0], 'id', 'the first header reads as "id"');
    for (const r of records) {
      const start = check('records.csv', r, 'start', 'start_precision');
      const end = check('records.csv', r, 'end', 'end_precision');
      check('records.csv', r, 'as_of');
      const period = check('records.csv', r, 'period');
      // The period runs from start to end: "2014-11/2016-10", open ("..")
      // when ongoing, unknown ("") when the end is not known.
      if (period && period.type === 'Interval') {
        if ((period.lower?.edtf ?? '') !== (start?.edtf ?? '')) bad.push(`records.csv ${r.id}: period ${r.period} starts other than ${r.start}`);
        const upper = r.status === 'ongoing' ? Infinity : end ? end.edtf : null;
        const got = period.upper === Infinity ? Infinity : period.upper?.edtf ?? null;
        if (got !== upper) bad.push(`records.csv ${r.id}: period ${r.period} ends other than ${r.status} ${r.end}`);
      }
    }
    const events = csv('events.csv');
    assert.equal(Object.keys(events[0])[0], 'id');
    for (const e of events) {
      check('events.csv', e, 'from', 'from_precision');
      // until is a date, or a word: ongoing, unknown.
      if (!/^(ongoing|unknown)$/.test(e.until)) check('events.csv', e, 'until', 'until_precision');
      check('events.csv', e, 'period');
    }
    numbers.edtf = { records: records.length, events: events.length, dates: n };
    assert.deepEqual(bad, []);
  });

  test('datapackage.json is a valid Tabular Data Package whose schemas match the CSV files', () => {
    // The Frictionless profile (JSON Schema draft-04), vendored in
    // schemas/frictionless/ with its licence and source.
    const dir = path.join(e2eDir, 'schemas', 'frictionless');
    const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('textarea', true); // a hint to form builders, not a format
    ajv.addSchema(read('dictionary.json'), 'schemas/dictionary.json');
    const validate = ajv.compile(read('tabular-data-package.json'));
    const pkg = data('datapackage.json');
    assert.equal(pkg.profile, 'tabular-data-package');
    validate(pkg);
    assert.deepEqual((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), []);
    // The profile cannot see the files: each resource's fields are its
    // CSV's header, in order.
    for (const r of pkg.resources) {
      const header = parseCSV(fs.readFileSync(path.join(sites.main, 'data', r.path)), { bom: true, to_line: 1 })[0];
      assert.deepEqual(r.schema.fields.map((f) => f.name), header, r.path);
    }
    // And the validator does fail: a field of a type Table Schema lacks.
    const broken = structuredClone(pkg);
    broken.resources[0].schema.fields[0].type = 'text';
    assert.equal(validate(broken), false, 'a wrong field type is caught');
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

  test('a report written in Arabic, in the English edition: its text right to left inside an English page', async () => {
    const { page, problems, close } = await open(`${rtlHTTP.origin}/${rtlPage}`);
    const r = await page.evaluate(() => {
      const rect = (s) => document.querySelector(s).getBoundingClientRect();
      const h1 = document.querySelector('h1');
      return {
        lang: document.documentElement.lang, dir: document.documentElement.dir,
        h1Lang: h1.lang, h1Direction: getComputedStyle(h1).direction, bodyDirection: getComputedStyle(document.querySelector('.report .body')).direction,
        h1Right: rect('h1').right, headerLeft: rect('.site-header .wrap').left, titleLeft: rect('.site-title').left,
        note: document.querySelector('.untranslated')?.textContent ?? '',
      };
    });
    assert.equal(r.lang, 'en');
    assert.equal(r.dir, 'ltr');
    assert.equal(r.h1Lang, 'ar');
    assert.equal(r.h1Direction, 'rtl');
    assert.equal(r.bodyDirection, 'rtl');
    assert.ok(r.titleLeft - r.headerLeft < 40, 'the English chrome starts at the left');
    assert.match(r.note, /العربية/, 'a note says which language the report is in');
    assert.deepEqual(problems, []);
    await close();
  });

  test('a report in the Arabic edition renders right to left, mirrored', async () => {
    const dir = mkdirp(path.join(artifacts, 'screenshots'));
    for (const width of [390, 1280]) {
      const { page, problems, close } = await open(`${http.origin}/ar/${shots.report}`, { width });
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
          switcherLeft: rect('.editions ul').left, switcherWrapLeft: rect('.editions .wrap').left,
        };
      });
      assert.equal(r.lang, 'ar');
      assert.equal(r.dir, 'rtl');
      assert.equal(r.h1Direction, 'rtl');
      assert.match(r.bodyText, /الموصل/);
      // The language switcher sits at the end of its line: the left.
      assert.ok(r.switcherLeft - r.switcherWrapLeft < 40, `the switcher is at the left (${r.switcherLeft})`);
      // Mirrored: the title sits at the right edge of the content, and on a
      // wide screen the sidebar moves to the left of the article.
      const pad = 40;
      assert.ok(r.mainRight - r.h1Right < pad, `h1 starts at the right (${r.h1Right} of ${r.mainRight})`);
      assert.ok(r.headerRight - r.titleRight < pad, 'the site title starts at the right');
      if (width === 1280) assert.ok(r.aside.right <= r.article.left + 1, `the sidebar is left of the article (${JSON.stringify([r.aside, r.article])})`);
      await page.screenshot({ path: path.join(dir, `ar-report-${width}.png`), fullPage: true });
      if (docs.has(`ar-report-${width}`)) await page.screenshot({ path: path.join(docsDir, `ar-report-${width}.png`) });
      assert.deepEqual(problems, []);
      await close();
    }
  });
});

describe('editions', () => {
  test('every page of every edition names its versions in the others, and the switcher stays on the page', async () => {
    // Each page of the default edition is in each other edition, at the
    // same path under its folder, and the other way round.
    const base = pages.filter((p) => !editions.some((e) => p.startsWith(e + '/')));
    for (const e of editions) {
      assert.deepEqual(pages.filter((p) => p.startsWith(e + '/')).map((p) => p.slice(e.length + 1)), base, `the ${e} edition has the same pages`);
    }
    const { page, problems, close } = await open(`${http.origin}/${shots.city}`);
    await page.locator('nav.editions a[hreflang="ar"]').click();
    await page.waitForURL(/\/ar\/cities\/mosul\/(index\.html)?$/);
    assert.equal(await page.locator('h1').textContent(), 'الموصل');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const links = await page.locator('nav.editions a').evaluateAll((as) => as.map((a) => [a.lang, a.hreflang, a.textContent]));
    assert.deepEqual(links, [['en', 'en', 'English'], ['ckb', 'ckb', 'کوردی']]);
    await page.locator('nav.editions a[hreflang="en"]').click();
    await page.waitForURL(/\/cities\/mosul\/(index\.html)?$/);
    assert.equal(await page.locator('h1').textContent(), 'Mosul');
    assert.deepEqual(problems, []);
    await close();
  });

  // Arabic search: the index and the query are folded and light-stemmed
  // alike (internal/fold, search.js termsOf), in the edition's own index.
  const searches = [
    ['ar', 'موصل', 'cities/mosul/'], ['ar', 'الموصل', 'cities/mosul/'], ['ar', 'والموصل', 'cities/mosul/'],
    ['ar', 'الْمَوْصِل', 'cities/mosul/'], ['ar', 'داعش', 'actors/isil/'], ['ar', 'الدولة الإسلامية', 'actors/isil/'],
    ['', 'Mosil', 'cities/mosul/'],
  ];
  for (const via of ['HTTP', 'file://']) {
    test(`search in each edition finds places and actors by their names and aliases (${via})`, async () => {
      const bad = [];
      const v = await visitor({ prefix: via === 'HTTP' ? http.origin : 'file://' });
      for (const [ed, query, want] of searches) {
        const rel = `${ed ? ed + '/' : ''}search/index.html`;
        const problems = await v.visit(via === 'HTTP' ? `${http.origin}/${rel}` : fileURL(sites.main, rel));
        await v.page.locator('#search-q').fill(query);
        const hit = v.page.locator(`#search-results a[href$="${ed ? ed + '/' : ''}${want}index.html"]`).first();
        try {
          await hit.waitFor({ timeout: 5000 });
        } catch {
          bad.push(`${rel}: ${query} does not find ${want}: ${await v.page.locator('#search-status').textContent()}`);
        }
        if (problems.length) bad.push(`${rel}: ${problems.join('; ')}`);
      }
      await v.close();
      assert.deepEqual(bad, []);
    });
  }

  test('screenshots: the Arabic home page, a report and Mosul at 390 and 1280 px', async () => {
    const dir = mkdirp(path.join(artifacts, 'screenshots'));
    for (const [name, rel] of [['home', shots.home], ['report', shots.report], ['city', shots.city]]) {
      for (const width of [390, 1280]) {
        const { page, problems, close } = await open(`${http.origin}/ar/${rel}`, { width, height: width < 500 ? 844 : 900 });
        await page.screenshot({ path: path.join(dir, `ar-${name}-${width}.png`), fullPage: true });
        if (docs.has(`ar-${name}-${width}`)) await page.screenshot({ path: path.join(docsDir, `ar-${name}-${width}.png`) });
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(w <= width, `ar/${rel} scrolls sideways at ${width} px (${w})`);
        assert.deepEqual(problems, []);
        await close();
      }
    }
  });
});

describe('editions speak their language', () => {
  // Every page of the Arabic and Kurdish editions, walked in the browser:
  // a word in Latin letters is an interface string left in English, unless
  // it is content: inside an element marked with another language (an
  // untranslated report, a record's own text, a name in another language),
  // a text's body, summary or quoted sentences (a translation may keep a
  // Latin acronym: "(ITPC)"), code, a name inserted with dir="auto" or
  // <bdi>, or the site's own name. Attribute text that readers hear (aria-label, alt,
  // title) counts too.
  test('no Latin-script word in the interface of the ar and ckb editions', async () => {
    const found = new Map();
    const v = await visitor({ prefix: http.origin });
    for (const rel of pages.filter((p) => editions.some((e) => p.startsWith(e + '/')))) {
      await v.visit(`${http.origin}/${rel}`);
      if (rel.endsWith('search/index.html')) {
        // The search page's interface is mostly written by its script:
        // run a query, so that its status line and facets are walked too.
        await v.page.locator('#search-q').fill('الموصل');
        await settled(v.page);
      }
      const words = await v.page.evaluate(() => {
        const ed = document.documentElement.lang;
        const content = 'script, style, code, pre, .body, .summary, .report-item p, blockquote, bdi, [dir="auto"], .site-title a';
        const other = (el) => { const l = el.closest('[lang]'); return l && l.lang !== ed; };
        const out = new Set();
        const latin = (s) => { for (const m of s.matchAll(/\p{Script=Latin}{2,}/gu)) out.add(m[0]); };
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (el.closest(content) || other(el)) continue;
          latin(n.textContent);
        }
        for (const el of document.body.querySelectorAll('[aria-label], [alt], [title]')) {
          if (el.closest(content) || other(el)) continue;
          for (const a of ['aria-label', 'alt', 'title']) latin(el.getAttribute(a) ?? '');
        }
        return [...out];
      });
      for (const w of words) {
        if (!found.has(w)) found.set(w, []);
        found.get(w).push(rel);
      }
    }
    await v.close();
    const report = [...found].sort((a, b) => b[1].length - a[1].length).map(([w, where]) => `${w} (${where.length} pages, such as ${where[0]})`);
    fs.writeFileSync(path.join(artifacts, 'latin-in-editions.txt'), report.join('\n') + '\n');
    numbers.latinInEditions = found.size;
    assert.deepEqual(report.slice(0, 40), []);
  });
});

describe('search speaks the edition\'s language', () => {
  // The search page of the Arabic edition after a query: its status line,
  // counts, facet headings and buttons from the Arabic catalogue (no
  // Latin-script word, Arabic plural forms chosen by the count), the
  // facets' values in Arabic where the site names them so.
  test('the Arabic search page: status, counts, facet headings and buttons in Arabic', async () => {
    const { page, problems, close } = await open(`${http.origin}/ar/search/index.html`);
    await page.locator('#search-q').fill('الموصل');
    await page.locator('#search-q').press('Enter');
    const status = await settled(page);
    const n = await page.evaluate(() => {
      const q = new URLSearchParams(location.search).get('q');
      return { q, results: document.querySelectorAll('#search-results li').length };
    });
    assert.equal(n.q, 'الموصل');
    assert.ok(n.results > 0, status);
    const ui = await page.evaluate(() => {
      const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
      return {
        status: document.getElementById('search-status').textContent,
        heading: text('#search-facets h2'),
        summaries: text('#search-facets summary'),
        counts: text('#search-facets .count'),
        buttons: text('#search-facets button, #search-more:not([hidden])'),
        place: text('[data-facet="place"] a'),
      };
    });
    const latin = (s) => (s.match(/\p{Script=Latin}{2,}/gu) || []);
    const words = [ui.status, ...ui.heading, ...ui.summaries, ...ui.counts, ...ui.buttons].flatMap(latin);
    assert.deepEqual(words, [], JSON.stringify(ui));
    // "N نتيجة/نتائج/نتيجةً عن «الموصل»، تُعرض أول 10 منها." with the
    // plural form CLDR gives N in Arabic.
    const m = /^(\d+) (نتيجة|نتائج|نتيجةً) عن «الموصل»(، تُعرض أول 10 منها)?\.$/.exec(ui.status);
    assert.ok(m, ui.status);
    const form = { few: 'نتائج', many: 'نتيجةً', other: 'نتيجة' }[new Intl.PluralRules('ar').select(Number(m[1]))];
    assert.equal(m[2], form, ui.status);
    assert.deepEqual(ui.heading, ['تضييق النتائج']);
    assert.deepEqual(ui.summaries, ['النوع', 'المكان', 'الجهة', 'الخدمة', 'السنة']);
    assert.ok(ui.place.some((t) => t.startsWith('الموصل ')), ui.place.join(', '));
    assert.deepEqual(problems, []);
    await close();
  });

  test('the English search page still reads in English', async () => {
    const { page, problems, close } = await open(`${http.origin}/search/index.html?q=mosul`);
    const status = await settled(page);
    assert.match(status, /^\d+ results for “mosul”, showing the first 10\.$/);
    assert.equal(await page.locator('#search-facets h2').textContent(), 'Narrow the results');
    assert.deepEqual(await page.locator('#search-facets summary').allTextContents(), ['Kind', 'Place', 'Actor', 'Service', 'Year']);
    assert.match(await page.locator('[data-facet="kind"] a').first().textContent(), /^Reports \d+$/);
    assert.deepEqual(problems, []);
    await close();
  });
});

describe('prose and mentions', () => {
  test('a report links each entity once a section, and every mention keeps its anchor', async () => {
    const { page, problems, close } = await open(`${http.origin}/${shots.report}`);
    const r = await page.evaluate(() => {
      // Sections of the body: runs of blocks between headings.
      const sections = [[]];
      for (const el of document.querySelector('.report .body').children) {
        if (/^H[1-6]$/.test(el.tagName)) sections.push([]);
        sections.at(-1).push(el);
      }
      const repeated = sections.flatMap((blocks) => {
        const hrefs = blocks.flatMap((b) => [...b.querySelectorAll('a.ann:not(.ann-report)')].map((a) => a.getAttribute('href')));
        return hrefs.filter((h, i) => hrefs.indexOf(h) !== i);
      });
      const about = [...document.querySelectorAll('.report .body p')].find((p) => p.textContent.startsWith('About the source'));
      return {
        repeated,
        spans: document.querySelectorAll('.report .body span.ann[id^="m-"]').length,
        aboutLinks: [...about.querySelectorAll('a.ann')].filter((a) => a.textContent === 'World Bulletin').length,
        aboutSpans: [...about.querySelectorAll('span.ann')].filter((s) => s.textContent === 'World Bulletin').length,
      };
    });
    assert.deepEqual(r.repeated, []);
    assert.ok(r.spans > 0, 'later mentions are spans with their anchors');
    assert.equal(r.aboutLinks, 0, '"About the source" links World Bulletin no more (its first mention is above)');
    assert.ok(r.aboutSpans >= 1);
    assert.deepEqual(problems, []);
    await close();
  });

  test('Mosul\'s mentions: by report, newest first, folded beyond the first, each landing on its annotation', async () => {
    const { page, problems, close } = await open(`${http.origin}/${shots.city}`);
    const dates = await page.locator('#mentions ~ * .report-of time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(dates.length >= 2);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest report first');
    numbers['mosul-height-1280'] = await page.evaluate(() => document.documentElement.scrollHeight);
    // Folded: no <details> is open, and a folded mention is hidden until opened.
    assert.equal(await page.locator('#mentions ~ * details[open]').count(), 0);
    const group = page.locator('ul.mentions > li').first();
    const folded = group.locator('details blockquote a').first();
    assert.equal(await folded.isVisible(), false);
    await group.locator('details > summary').first().click();
    assert.equal(await folded.isVisible(), true);
    const quote = (await folded.textContent()).trim();
    await folded.click();
    await page.waitForURL(/reports\/[^/]+\/index\.html#m-\d+$/);
    const target = await page.evaluate(() => {
      const t = document.querySelector(':target');
      return t && { cls: t.className, text: t.textContent.trim() };
    });
    assert.match(target.cls, /\bann\b/);
    assert.equal(target.text, quote);
    assert.deepEqual(problems, []);
    await close();
  });
});
