// A full LLM agent round trip through privacy-filter:
//   1. privacy.mask masks the user's prompt; only the masked prompt goes to
//      the model;
//   2. the model (faked here) streams an answer whose text and tool call
//      carry tokens, one of them mangled the way models do;
//   3. privacy.demask restores the answer chunk by chunk while it streams
//      (`carry` passed along, `final` on the last chunk);
//   4. privacy.resolve restores the tool call's JSON arguments (`json`)
//      before the tool runs;
//   5. privacy.delete erases the session.
// Usage: NATS_URL=nats://127.0.0.1:4222 node scripts/agent-round-trip.mjs
// Needs a running worker (scripts/run.sh starts one) and the NATS JavaScript
// client (npm ci --prefix tests/js). Exits 0 and prints "agent round trip: OK"
// when every value came back where it belongs, 1 otherwise.
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/js/package.json", import.meta.url));
const { connect, headers, StringCodec } = require("nats");

const url = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const sc = StringCodec();

async function call(nc, subject, body) {
  const h = headers();
  h.set("Content-Type", "application/json");
  const msg = await nc.request(subject, sc.encode(JSON.stringify(body)), {
    timeout: 5000,
    headers: h,
  });
  const reply = JSON.parse(sc.decode(msg.data));
  const code = msg.headers?.get("Nats-Service-Error-Code");
  if (code) throw new Error(`${subject}: error ${code}: ${reply.message}`);
  return reply;
}

// "[EMAIL_3f2a]" -> "EMAIL_3f2a"
const core = (token) => token.slice(1, -1);

// The model's answer, streamed: text deltas, then a tool call whose
// arguments arrive as fragments of a JSON string (as in chat-completion
// streaming APIs). It writes the tokens of the masked prompt, and mangles
// some of them.
function* fakeModel(tokens, randomSize) {
  const text =
    `Sure. I will write to ${tokens.email.toLowerCase()} and ask ${core(tokens.person)} ` +
    `to call back on [ ${core(tokens.phone)} ]. Ticket [TICKET_0000] is not ours to touch.`;
  const args = JSON.stringify({
    to: [tokens.email],
    subject: `Offsite with ${tokens.person}`,
    body: `Dear ${core(tokens.person)},\nplease call [ ${core(tokens.phone).toLowerCase()} ].`,
  });
  for (const piece of randomPieces(text, randomSize)) yield { text: piece };
  for (const piece of randomPieces(args, randomSize)) yield { toolArguments: piece };
}

// `s` cut into pieces of 1-7 characters.
function* randomPieces(s, randomSize) {
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; ) {
    const n = randomSize();
    yield chars.slice(i, i + n).join("");
    i += n;
  }
}

async function main() {
  const nc = await connect({ servers: url, timeout: 5000 });
  try {
    const values = {
      person: "Maria Gonzalez",
      email: "maria.gonzalez@example.com",
      phone: "+1 415 555 0132",
    };
    const prompt =
      `Email ${values.person} at ${values.email} and ask her to call me at ` +
      `${values.phone} about the offsite.`;

    // 1. Mask. Names are not detected yet, so this request denies one.
    const mask = await call(nc, "privacy.mask", {
      text: prompt,
      deny_values: [{ value: values.person, type: "PERSON" }],
    });
    console.log(`masked prompt : ${mask.masked_text}`);
    const tokenOf = (value) => {
      const bytes = Buffer.from(prompt);
      const e = mask.entities.find(
        (e) => bytes.subarray(e.start ?? 0, e.end).toString() === value,
      );
      if (!e) throw new Error(`no token for ${value}`);
      return e.token;
    };
    const tokens = {
      person: tokenOf(values.person),
      email: tokenOf(values.email),
      phone: tokenOf(values.phone),
    };

    // 2-4. Stream the answer, restoring as it comes; collect the tool call.
    const randomSize = () => 1 + Math.floor(Math.random() * 7);
    let modelText = "";
    let chunks = 0;
    let answer = "";
    let carry = "";
    let toolArguments = "";
    const unknown = new Set();
    process.stdout.write("answer, restored as it streams: ");
    for (const delta of fakeModel(tokens, randomSize)) {
      if (delta.toolArguments !== undefined) {
        toolArguments += delta.toolArguments;
        continue;
      }
      modelText += delta.text;
      chunks += 1;
      const reply = await call(nc, "privacy.demask", {
        session_id: mask.session_id,
        masked_text: delta.text,
        carry,
        final: false,
      });
      process.stdout.write(reply.original_text);
      answer += reply.original_text;
      carry = reply.carry;
      reply.unknown.forEach((t) => unknown.add(t));
    }
    const last = await call(nc, "privacy.demask", {
      session_id: mask.session_id,
      masked_text: "",
      carry,
      final: true,
    });
    answer += last.original_text;
    last.unknown.forEach((t) => unknown.add(t));
    console.log(last.original_text);
    console.log(`(the model wrote, in ${chunks} chunks: ${modelText})`);

    console.log(`tool call args: ${toolArguments}`);
    const resolved = await call(nc, "privacy.resolve", {
      session_id: mask.session_id,
      json: toolArguments,
    });
    console.log(`restored args : ${resolved.json}`);
    console.log(`unknown tokens: ${[...unknown, ...resolved.unknown].join(", ")}`);

    const expectedAnswer =
      `Sure. I will write to ${values.email} and ask ${values.person} to call back on ` +
      `${values.phone}. Ticket [TICKET_0000] is not ours to touch.`;
    if (answer !== expectedAnswer) throw new Error(`answer restored as: ${answer}`);
    const args = JSON.parse(resolved.json);
    const expectedArgs = {
      to: [values.email],
      subject: `Offsite with ${values.person}`,
      body: `Dear ${values.person},\nplease call ${values.phone}.`,
    };
    if (JSON.stringify(args) !== JSON.stringify(expectedArgs)) {
      throw new Error(`arguments restored as: ${resolved.json}`);
    }
    if (!unknown.has("[TICKET_0000]")) throw new Error("[TICKET_0000] not reported as unknown");

    // 5. Done with this conversation.
    await call(nc, "privacy.delete", { session_id: mask.session_id });
    console.log("agent round trip: OK");
  } finally {
    await nc.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`FAIL: ${err.message ?? err}`);
    process.exit(1);
  },
);
