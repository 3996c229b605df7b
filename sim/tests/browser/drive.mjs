// Drives a real headless Chromium over the DevTools protocol, with nothing but Node's own
// fetch and WebSocket (run with `node --experimental-websocket`), so CI installs no npm
// package. Usage:
//
//   node --experimental-websocket drive.mjs CHROMIUM CHECKOUT_URL OVERVIEW_URL
//
// Loads the checkout page, reads what it shows, clicks Pay, reads the result page, then loads
// the overview page; prints one JSON object with what it saw.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
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
    "--remote-debugging-port=0",
    "about:blank",
  ],
  { stdio: ["ignore", "ignore", "pipe"] },
);
let stderr = "";
browser.stderr.on("data", (d) => (stderr += d));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = Date.now() + 30000;

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

// Chromium writes the port it picked into the profile.
const portFile = join(profile, "DevToolsActivePort");
while (!existsSync(portFile) || readFileSync(portFile, "utf8").split("\n").length < 2) {
  if (Date.now() > deadline) fail("Chromium did not open its DevTools port");
  if (browser.exitCode !== null) fail(`Chromium exited with ${browser.exitCode}`);
  await sleep(50);
}
const port = readFileSync(portFile, "utf8").split("\n")[0].trim();
let targets = [];
while (!targets.some((t) => t.type === "page")) {
  if (Date.now() > deadline) fail("no page target");
  targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  await sleep(50);
}
const target = targets.find((t) => t.type === "page");

const ws = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((ok, err) => {
  ws.onopen = ok;
  ws.onerror = () => err(new Error("websocket failed"));
});
let nextId = 1;
const pending = new Map();
const waiters = [];
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    const { ok, err } = pending.get(msg.id);
    pending.delete(msg.id);
    msg.error ? err(new Error(JSON.stringify(msg.error))) : ok(msg.result);
  } else if (msg.method) {
    for (const w of waiters.splice(0)) {
      if (w.method === msg.method) w.ok(msg.params);
      else waiters.push(w);
    }
  }
};
const send = (method, params = {}) =>
  new Promise((ok, err) => {
    const id = nextId++;
    pending.set(id, { ok, err });
    ws.send(JSON.stringify({ id, method, params }));
  });
const next = (method) =>
  Promise.race([
    new Promise((ok) => waiters.push({ method, ok })),
    sleep(15000).then(() => fail(`timed out waiting for ${method}`)),
  ]);
const evaluate = async (expression) =>
  (await send("Runtime.evaluate", { expression, returnByValue: true })).result.value;

await send("Page.enable");
let loaded = next("Page.loadEventFired");
await send("Page.navigate", { url: checkoutUrl });
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
await send("Page.navigate", { url: overviewUrl });
await loaded;
seen.overviewStatuses = await evaluate(
  "[...document.querySelectorAll('#transactions td.status')].map(td => td.textContent)",
);
seen.overviewEvents = await evaluate(
  "[...document.querySelectorAll('#webhooks td.event')].map(td => td.textContent)",
);

console.log(JSON.stringify(seen));
ws.close();
cleanup();
process.exit(0);
