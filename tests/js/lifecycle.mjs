// Lifecycle of a privacy-filter session through the official NATS JavaScript
// client, with JSON requests: mask -> resolve -> demask -> delete -> 404.
// Usage: NATS_URL=nats://127.0.0.1:4222 node tests/js/lifecycle.mjs
// Exits 0 on success, 1 with a message on failure.
import { connect, headers, StringCodec } from "nats";

const url = process.env.NATS_URL;
if (!url) {
  console.error("FAIL: NATS_URL is not set");
  process.exit(2);
}

const sc = StringCodec();
const TIMEOUT_MS = 5000;

class Failure extends Error {}

function check(condition, message) {
  if (!condition) throw new Failure(message);
}

async function request(nc, subject, body) {
  const h = headers();
  h.set("Content-Type", "application/json");
  const msg = await nc.request(subject, sc.encode(JSON.stringify(body)), {
    timeout: TIMEOUT_MS,
    headers: h,
  });
  const text = sc.decode(msg.data);
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Failure(`${subject}: reply is not JSON: ${text}`);
  }
  return { headers: msg.headers, json, text };
}

async function ok(nc, subject, body) {
  const r = await request(nc, subject, body);
  const code = r.headers?.get("Nats-Service-Error-Code");
  check(!code, `${subject}: unexpected error ${code}: ${r.text}`);
  return r.json;
}

async function main() {
  const nc = await connect({ servers: url, timeout: TIMEOUT_MS });
  try {
    const text =
      "Please write to maria.gonzalez@example.com or call +1 415 555 0132; " +
      "card 4111 1111 1111 1111 from 192.168.10.42.";
    const values = [
      "maria.gonzalez@example.com",
      "+1 415 555 0132",
      "4111 1111 1111 1111",
      "192.168.10.42",
    ];

    const mask = await ok(nc, "privacy.mask", { text });
    check(/^[0-9a-f]{32}$/.test(mask.session_id), `bad session_id: ${mask.session_id}`);
    check(typeof mask.masked_text === "string", "masked_text missing");
    check(typeof mask.expires_at === "string" && /^[0-9]+$/.test(mask.expires_at),
          `expires_at must be an int64 JSON string: ${JSON.stringify(mask.expires_at)}`);
    check(Array.isArray(mask.entities) && mask.entities.length === values.length,
          `expected ${values.length} entities: ${JSON.stringify(mask.entities)}`);
    const tokenOf = {};
    for (const e of mask.entities) {
      check(/^\[[A-Z][A-Z0-9_]*_[0-9a-f]{4,}\]$/.test(e.token), `bad token ${e.token}`);
      const value = Buffer.from(text).subarray(e.start ?? 0, e.end).toString();
      tokenOf[value] = e.token;
    }
    let expected = text;
    for (const v of values) {
      check(tokenOf[v], `no entity spans ${v}`);
      check(!mask.masked_text.includes(v), `masked_text still contains ${v}`);
      expected = expected.replace(v, tokenOf[v]);
    }
    check(mask.masked_text === expected, `masked_text ${mask.masked_text} != ${expected}`);

    const tokens = values.map((v) => tokenOf[v]);
    const resolve = await ok(nc, "privacy.resolve", { session_id: mask.session_id, tokens });
    for (const v of values) {
      check(resolve.resolved?.[tokenOf[v]] === v, `resolve ${tokenOf[v]} -> ${resolve.resolved?.[tokenOf[v]]}`);
    }
    check(!resolve.unknown || resolve.unknown.length === 0, `unexpected unknown: ${resolve.unknown}`);

    const demask = await ok(nc, "privacy.demask", {
      session_id: mask.session_id,
      masked_text: mask.masked_text,
    });
    check(demask.original_text === text, `demask gave ${demask.original_text}`);

    const del = await ok(nc, "privacy.delete", { session_id: mask.session_id });
    check(del.deleted === true, `delete gave ${JSON.stringify(del)}`);

    const gone = await request(nc, "privacy.resolve", { session_id: mask.session_id, tokens });
    check(gone.headers?.get("Nats-Service-Error-Code") === "404",
          `resolve after delete: expected 404, got ${gone.headers?.get("Nats-Service-Error-Code")}: ${gone.text}`);
    check(gone.headers?.get("Nats-Service-Error"), "Nats-Service-Error header missing");
    check(gone.json.code === 404, `ErrorReply.code ${gone.json.code}`);
    check(typeof gone.json.message === "string" && gone.json.message.length > 0, "ErrorReply.message missing");
    for (const v of values) check(!gone.text.includes(v), `error reply leaks ${v}`);

    console.log("js lifecycle: OK");
  } finally {
    await nc.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`FAIL: ${err instanceof Failure ? err.message : err?.stack ?? err}`);
    process.exit(1);
  },
);
