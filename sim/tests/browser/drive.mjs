// Drives a real headless Chromium over the DevTools protocol on a pipe
// (`--remote-debugging-pipe`: fd 3 in, fd 4 out, messages ending in NUL), with nothing but
// Node's standard library, so CI needs no npm package and any Node from 18 works. Usage:
//
//   node drive.mjs CHROMIUM CHECKOUT_URL OVERVIEW_URL
//
// Loads the checkout page, reads what it shows, clicks Pay, reads the result page, then loads
// the overview page; prints one JSON object with what it saw.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [chromium, checkoutUrl, overviewUrl] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "sim-chromium-"));
const browser = spawn(
  chromium,
  [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profile}`,
    "--remote-debugging-pipe",
    "about:blank",
  ],
  { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
);
let stderr = "";
browser.stderr.on("data", (d) => (stderr += d));
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fail(message) {
  console.error(message);
  if (stderr) console.error(stderr.slice(-2000));
  cleanup();
  process.exit(1);
}

function cleanup() {
  try {
    browser.kill("SIGKILL");
  } catch {}
  try {
    rmSync(profile, { recursive: true, force: true });
  } catch {}
}

setTimeout(() => fail("timed out after 60 s"), 60000).unref();

let nextId = 1;
const pending = new Map();
let waiters = [];
let buffer = "";
fromBrowser.on("data", (chunk) => {
  buffer += chunk.toString("utf8");
  let end;
  while ((end = buffer.indexOf("\0")) >= 0) {
    const msg = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (msg.id && pending.has(msg.id)) {
      const { ok, err } = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? err(new Error(JSON.stringify(msg.error))) : ok(msg.result);
    } else if (msg.method) {
      const still = [];
      for (const w of waiters) {
        if (w.method === msg.method && w.session === msg.sessionId) w.ok(msg.params);
        else still.push(w);
      }
      waiters = still;
    }
  }
});
browser.on("exit", (code) => {
  if (pending.size) fail(`Chromium exited with ${code}`);
});

const send = (method, params = {}, sessionId) =>
  new Promise((ok, err) => {
    const id = nextId++;
    pending.set(id, { ok, err });
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    toBrowser.write(JSON.stringify(msg) + "\0");
  });

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
const page = (method, params) => send(method, params, sessionId);
const next = (method) => new Promise((ok) => waiters.push({ method, ok, session: sessionId }));
const evaluate = async (expression) =>
  (await page("Runtime.evaluate", { expression, returnByValue: true })).result.value;

await page("Page.enable");
let loaded = next("Page.loadEventFired");
await page("Page.navigate", { url: checkoutUrl });
await loaded;
const seen = {
  amount: await evaluate("document.querySelector('#amount')?.textContent"),
  currency: await evaluate("document.querySelector('#currency')?.textContent"),
  merchant: await evaluate("document.querySelector('#merchant')?.textContent"),
  email: await evaluate("document.querySelector('#email')?.textContent"),
};

// A real click on the Pay button submits the form; the browser loads the answer.
loaded = next("Page.loadEventFired");
const clicked = await evaluate(
  "(() => { const b = document.querySelector('#pay'); if (!b) return false; b.click(); return true; })()",
);
if (!clicked) fail("no Pay button on the checkout page");
await loaded;
seen.result = await evaluate("document.querySelector('#result')?.dataset.status");
seen.heading = await evaluate("document.querySelector('#result')?.textContent");

loaded = next("Page.loadEventFired");
await page("Page.navigate", { url: overviewUrl });
await loaded;
seen.overviewStatuses = await evaluate(
  "[...document.querySelectorAll('#transactions td.status')].map(td => td.textContent)",
);
seen.overviewEvents = await evaluate(
  "[...document.querySelectorAll('#webhooks td.event')].map(td => td.textContent)",
);

console.log(JSON.stringify(seen));
cleanup();
process.exit(0);
