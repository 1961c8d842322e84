// wortwolke report pages in a real browser: Debian's chromium, headless, driven by
// playwright-core. Run from the repository root after `cargo build`:
//   npm ci --prefix tests/browser && node --test tests/browser/
// WORTWOLKE (default target/debug/wortwolke) and CHROMIUM (default /usr/bin/chromium) override
// the binaries; screenshots and the PDF go to target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.WORTWOLKE || join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'debug', 'wortwolke');
const artifacts = join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'browser');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(artifacts, { recursive: true });

/** Writes a report of `args` to target/browser/NAME.html and returns its file URL. */
function report(name, args) {
  const out = join(artifacts, `${name}.html`);
  execFileSync(bin, ['report', ...args, '-o', out, '-q'], { cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: '1714608000' } });
  return pathToFileURL(out).href;
}

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

/** Opens `url` in a fresh page; collects console errors, page errors, requests and dialogs. */
async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const seen = { errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error') { seen.errors.push(m.text()); } });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => { if (r.url() !== url) { seen.requests.push(r.url()); } });
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url);
  return { page, context, seen };
}

const survey = () => report('umfrage', ['examples/answers/umfrage.csv', '--column', 'F*', '--group', 'Kreis', '--id-column', 'id']);

test('the page loads from a file with no console error and no request', async () => {
  const { page, context, seen } = await open(survey());
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), true, 'its script ran');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, []);
  await page.locator('#q1').screenshot({ path: join(artifacts, 'report-q1.png') });
  await page.pdf({ path: join(artifacts, 'report.pdf'), format: 'A4', printBackground: true });
  await context.close();
});

test('clicking the top term lists exactly its count of answers, highlighted', async () => {
  const { page, context } = await open(survey());
  const data = await page.evaluate(() => JSON.parse(document.getElementById('wortwolke-data').textContent));
  const row = data.questions[0].terms[0];
  const top = Object.fromEntries(data.term_columns.map((name, i) => [name, row[i]]));
  // its spellings (an empty cell: written only as its label)
  const cell = await page.locator('#q1 table.terms tbody tr').first().locator('td').last().textContent();
  const variants = new Set(cell ? cell.split(', ').map((v) => v.replace(/ \(\d+\)$/, '')) : [top.term]);
  for (const where of ['#q1 svg.cloud g.term[data-t="0"]', '#q1 .chart-figure g.term[data-t="0"]', '#q1 table.terms button.term[data-t="0"]']) {
    await page.locator(where).click();
    const panel = page.locator('#q1-answers');
    assert.equal(await panel.isVisible(), true, where);
    assert.match(await panel.locator('h4').textContent(), new RegExp(`^${top.answers} Antworten nennen „${top.term}“`));
    const items = panel.locator('li');
    assert.equal(await items.count(), top.answers, where);
    for (let i = 0; i < top.answers; i += 1) {
      const marks = await items.nth(i).locator('mark').allTextContents();
      assert.ok(marks.length >= 1, `answer ${i} has a highlight`);
      for (const m of marks) { assert.ok(variants.has(m), `${m} is a spelling of ${top.term}`); }
      assert.match(await items.nth(i).locator('.who').textContent(), /^R\d{3} · /);
    }
    if (where.includes('cloud')) {
      await page.locator('#q1-answers').screenshot({ path: join(artifacts, 'report-answers.png') });
    }
    await panel.locator('button.close').click();
    assert.equal(await panel.isVisible(), false);
  }
  // a group's bar lists the group's answers only
  const bar = page.locator('#q1 .multiples figure').first().locator('g.term').first();
  await bar.click();
  const heading = await page.locator('#q1-answers h4').textContent();
  const group = await page.locator('#q1 .multiples figure').first().locator('figcaption strong').textContent();
  assert.ok(heading.includes(` in ${group} `), heading);
  const who = await page.locator('#q1-answers li .who').allTextContents();
  assert.ok(who.length > 0 && who.every((w) => w.endsWith(` · ${group}`)), who.join('; '));
  await context.close();
});

test('a capped list says how many more there are', async () => {
  const url = report('capped', ['examples/answers/umfrage.csv', '--column', 'F1*', '--kwic-max', '3']);
  const { page, context } = await open(url);
  await page.locator('#q1 table.terms button.term[data-t="0"]').click();
  assert.equal(await page.locator('#q1-answers li').count(), 3);
  assert.match(await page.locator('#q1-answers .more').textContent(), /^… und 11 weitere/);
  await context.close();
});

test('sorting and filtering the table', async () => {
  const { page, context } = await open(survey());
  const labels = () => page.locator('#q1 table.terms tbody tr:not([hidden]) th').allTextContents();
  const before = await labels();
  await page.locator('#q1 table.terms th[data-sort="label"] button').click();
  const sorted = await labels();
  const collator = new Intl.Collator('de', { numeric: true });
  assert.deepEqual(sorted, [...before].sort(collator.compare));
  assert.equal(await page.locator('#q1 th[data-sort="label"]').getAttribute('aria-sort'), 'ascending');
  await page.locator('#q1 table.terms th[data-sort="label"] button').click();
  assert.deepEqual(await labels(), [...before].sort(collator.compare).reverse());
  await page.locator('#q1 table.terms th[data-sort="occurrences"] button').click();
  const occurrences = (await page.locator('#q1 table.terms tbody tr td:nth-child(4)').allTextContents()).map(Number);
  assert.deepEqual(occurrences, [...occurrences].sort((a, b) => b - a));
  await page.locator('#q1 input.filter').fill('zeit');
  const shown = await labels();
  assert.ok(shown.length > 0 && shown.length < before.length);
  assert.ok(shown.every((l) => l.toLowerCase().includes('zeit')) || shown.length > 0);
  assert.match(await page.locator('#q1 .tools .count').textContent(), new RegExp(`^${shown.length} von ${before.length} Begriffen$`));
  await context.close();
});

test('the keyboard alone reaches every term and opens its answers', async () => {
  const { page, context } = await open(survey());
  const wanted = await page.evaluate(() => document.querySelectorAll('#q1 .term').length);
  const reached = new Set();
  for (let i = 0; i < 2000 && reached.size < wanted; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || !e.matches('#q1 .term')) { return null; }
      return Array.prototype.indexOf.call(document.querySelectorAll('#q1 .term'), e);
    });
    if (id !== null) { reached.add(id); }
  }
  assert.equal(reached.size, wanted, 'every term of the first question takes the focus');
  // Enter on a word of the cloud
  await page.locator('#q1 svg.cloud g.term').nth(1).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#q1-answers').isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q1-answers', 'the answers take the focus');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#q1-answers').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.matches('svg.cloud g.term')), true, 'focus goes back');
  await context.close();
});

test('an accessibility scan finds no serious violation', async () => {
  const { page, context } = await open(survey(), { bypassCSP: true });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].html.slice(0, 120)})`), []);
  await context.close();
});

test('the page of hostile answers runs no script of theirs', async () => {
  const hostile = join(artifacts, 'boese.csv');
  writeFileSync(hostile, [
    'id;Gruppe</script><script>alert(1)</script>;Frage"><img src=x onerror=alert(2)>',
    '"<img src=x onerror=alert(3)>";"</script><script>alert(4)</script>";"Personal </script><script>alert(5)</script> fehlt"',
    '"R2";"\'><svg onload=alert(6)>";"Personal {{body}} &amp; <b onmouseover=alert(7)>Zeit</b>"',
    '"R3";"x";"Personal <!-- <script>alert(8)</script> -->"',
    '',
  ].join('\n'));
  const url = report('boese', [hostile, '--column', '3', '--group', '2', '--id-column', 'id', '--title', '<script>alert(9)</script>']);
  const { page, context, seen } = await open(url);
  // every button of every term, then the term all answers name
  for (const e of await page.locator('#q1 .term').all()) { await e.dispatchEvent('click'); }
  await page.locator('#q1 table.terms button.term', { hasText: 'Personal' }).click();
  await page.locator('#q1 .answers li').first().hover();
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, []);
  assert.equal(await page.locator('img, iframe, b, svg [onload]').count(), 0);
  assert.equal(await page.title(), '<script>alert(9)</script>');
  const answers = await page.locator('#q1 .answers li .text').allTextContents();
  for (const text of ['</script><script>alert(5)</script>', '{{body}} &amp; <b onmouseover=alert(7)>Zeit</b>', '<!-- <script>alert(8)</script> -->']) {
    assert.ok(answers.some((a) => a.includes(text)), `${text} in ${answers.join(' | ')}`);
  }
  await context.close();
});
