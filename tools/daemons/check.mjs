#!/usr/bin/env node
// Feed generated VPS files to the REAL Debian 12 parsers/daemons and report what they said.
//
//   node tools/daemons/check.mjs <kind> <args…>
//
//   libreswan CONF SECRETS LEFT_IPV6   pluto 4.10 in a fresh netns + addconn per conn + algparse
//   swanctl FILE                       charon 5.9.8 in a fresh netns + swanctl --load-all --file
//   nft FILE                           nft -c -f (in a netns)
//   iptables-restore FILE [--noflush]  iptables-restore --test (in a netns)
//   ip6tables-restore FILE [--noflush] ip6tables-restore --test (in a netns)
//   netplan FILE                       netplan generate --root-dir (temp root, mode 600)
//   sysctl FILE                        key = value syntax, key exists under /proc/sys, net.* keys
//                                      written for real inside a throw-away netns
//   networkd FILE                      skipped (no offline validator in systemd 252)
//
// Prints ONE JSON object on stdout: {ok, tool, details, log, skipped?}. Exit code 0 if ok, 1 if
// not ok, 2 on usage errors. Needs root and tools/daemons/install.sh.
// Safety: every daemon runs in its own network namespace (named dchk-<pid>-<rand>) holding only
// lo (+ veths named like NICs for sysctl), 2001:db8::/32 addresses and no routes; it is always
// deleted at the end, and stale ones from killed runs are removed at start.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CACHE = process.env.DAEMONS_CACHE || path.join(HERE, ".cache");
const LSW = path.join(CACHE, "libreswan");
const SS = path.join(CACHE, "strongswan");
const LSW_EXEC = "/usr/libexec/ipsec"; // compiled-in path, overlaid inside the netns
const DAEMON_START_DEADLINE_MS = Number(
  process.env.DAEMON_START_DEADLINE_MS || 30000,
);

// ---------------------------------------------------------------- helpers
function out(res) {
  const o = {
    ok: !!res.ok,
    tool: res.tool,
    details: res.details || "",
    log: res.log || "",
  };
  if (res.skipped) o.skipped = true;
  process.stdout.write(JSON.stringify(o) + "\n");
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    timeout: opts.timeout ?? 30000,
    input: opts.input,
    env: opts.env ?? process.env,
    killSignal: "SIGKILL",
  });
  return {
    status: r.status,
    stdout: r.stdout || "",
    stderr: r.stderr || "",
    error: r.error ? String(r.error.message || r.error) : "",
    text() {
      return (
        this.stdout +
        this.stderr +
        (this.error ? `\n[spawn error] ${this.error}` : "")
      ).trim();
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function readText(f) {
  try {
    return fs.readFileSync(f, "utf8");
  } catch {
    return "";
  }
}

function which(cmd) {
  return run("sh", ["-c", `command -v ${cmd}`]).status === 0;
}

function in2001db8(addr) {
  return /^2001:0?db8:/i.test(addr) || /^2001:db8::/i.test(addr);
}

// ---------------------------------------------------------------- netns + cleanup
const cleanups = [];
function onCleanup(fn) {
  cleanups.push(fn);
}
function doCleanup() {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      /* keep going */
    }
  }
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    doCleanup();
    process.exit(130);
  });
}
process.on("exit", doCleanup);

function killNetnsPids(ns) {
  const r = run("ip", ["netns", "pids", ns], { timeout: 5000 });
  for (const p of r.stdout.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(p), "SIGKILL");
    } catch {
      /* gone */
    }
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

function gcStaleNetns() {
  const r = run("ip", ["netns", "list"], { timeout: 5000 });
  for (const line of r.stdout.split("\n")) {
    const m = /^(dchk-(\d+)-\w+)/.exec(line.trim());
    if (m && !pidAlive(Number(m[2]))) {
      killNetnsPids(m[1]);
      run("ip", ["netns", "del", m[1]], { timeout: 5000 });
    }
  }
}

function gcStaleTmp() {
  let ents = [];
  try {
    ents = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const e of ents) {
    const m = /^dchk-\w+-(\d+)-/.exec(e);
    if (m && !pidAlive(Number(m[1])))
      fs.rmSync(path.join(os.tmpdir(), e), { recursive: true, force: true });
  }
}

function makeNetns() {
  gcStaleNetns();
  const ns = `dchk-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const r = run("ip", ["netns", "add", ns], { timeout: 10000 });
  if (r.status !== 0) throw new Error(`ip netns add ${ns} failed: ${r.text()}`);
  onCleanup(() => {
    killNetnsPids(ns);
    run("ip", ["netns", "del", ns], { timeout: 10000 });
  });
  run("ip", ["-n", ns, "link", "set", "lo", "up"]);
  return ns;
}

function makeTmp(tag) {
  gcStaleTmp();
  const d = fs.mkdtempSync(
    path.join(os.tmpdir(), `dchk-${tag}-${process.pid}-`),
  );
  if (!process.env.DAEMONS_KEEP_TMP)
    onCleanup(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

// run CMD inside the netns in a private mount namespace (ip netns exec makes mounts slave,
// so nothing propagates to the host), after overlaying extracted package trees onto their
// compiled-in paths.
function nsShell(ns, mounts, cmd) {
  const pre = mounts.map((m) => `${m} || exit 97`).join("; ");
  return [
    "netns",
    "exec",
    ns,
    "sh",
    "-c",
    `${pre}${pre ? "; " : ""}exec ${cmd}`,
  ];
}
const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
const overlay = (lower, target) =>
  `mount -t overlay overlay -o lowerdir=${lower}:${target} ${target}`;

async function startDaemon(ns, mounts, cmd, env, logFile) {
  const fd = fs.openSync(logFile, "a");
  const child = spawn("ip", nsShell(ns, mounts, cmd), {
    env,
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  const state = { child, exited: false, code: null };
  child.on("exit", (code, sig) => {
    state.exited = true;
    state.code = code ?? sig;
  });
  onCleanup(() => {
    if (!state.exited)
      try {
        child.kill("SIGKILL");
      } catch {
        /* gone */
      }
  });
  return state;
}

async function waitFor(pred, deadlineMs, state) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (pred()) return true;
    if (state && state.exited) return pred();
    await sleep(25);
  }
  return pred();
}

async function waitExit(state, ms) {
  await waitFor(() => state.exited, ms);
  return state.exited;
}

// ---------------------------------------------------------------- libreswan
// Minimal ipsec.conf parser: sections "config setup" / "conn NAME", key=value lines indented.
export function parseIpsecConf(text) {
  const res = { setup: [], conns: new Map(), order: [] };
  let cur = null;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (/^\s*(#|$)/.test(line)) continue;
    let m;
    if ((m = /^config\s+setup\b/.exec(line))) {
      cur = { kind: "setup" };
      continue;
    }
    if ((m = /^conn\s+(\S+)/.exec(line))) {
      cur = { kind: "conn", name: m[1], kv: {} };
      res.conns.set(m[1], cur.kv);
      res.order.push(m[1]);
      continue;
    }
    if (/^\S/.test(line)) {
      cur = null; // version 2, include …
      continue;
    }
    if (!cur) continue;
    if (cur.kind === "setup") res.setup.push(line);
    else if ((m = /^\s+([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$/.exec(line))) {
      let v = m[2].replace(/\s+#.*$/, "");
      if (/^".*"$/.test(v)) v = v.slice(1, -1);
      cur.kv[m[1]] = v;
    }
  }
  return res;
}

function connValue(conf, name, key, seen = new Set()) {
  if (seen.has(name)) return undefined;
  seen.add(name);
  const kv = conf.conns.get(name);
  if (!kv) return undefined;
  if (key in kv) return kv[key];
  for (const a of (kv.also || "").split(/\s+/).filter(Boolean)) {
    const v = connValue(conf, a, key, seen);
    if (v !== undefined) return v;
  }
  if (name !== "%default") return connValue(conf, "%default", key, seen);
  return undefined;
}

async function checkLibreswan(args) {
  const tool = "libreswan-4.10";
  const [confArg, secretsArg, leftIpv6] = args;
  if (!confArg || !secretsArg || !leftIpv6)
    return {
      ok: false,
      tool,
      details: "usage: libreswan CONF SECRETS LEFT_IPV6",
    };
  if (!in2001db8(leftIpv6) || !/^[0-9a-f:]+$/i.test(leftIpv6))
    return {
      ok: false,
      tool,
      details: `LEFT_IPV6 ${leftIpv6} must be a 2001:db8::/32 address (safety rule)`,
    };
  const confFile = path.resolve(confArg);
  const secretsFile = path.resolve(secretsArg);
  const pluto = path.join(LSW, "usr/libexec/ipsec/pluto");
  if (!fs.existsSync(pluto))
    return {
      ok: false,
      tool,
      details: `missing ${pluto}: run tools/daemons/install.sh`,
    };
  const conf = parseIpsecConf(readText(confFile));
  const also = new Set();
  for (const kv of conf.conns.values())
    for (const a of (kv.also || "").split(/\s+/).filter(Boolean)) also.add(a);
  const names = conf.order.filter((n) => n !== "%default" && !also.has(n));
  const problems = [];
  const notes = [];
  if (names.length === 0) problems.push('no "conn NAME" section found');

  // 1. algparse (pure parser, no daemon)
  const algparse = path.join(LSW, "usr/libexec/ipsec/algparse");
  const algLines = [];
  for (const n of names) {
    const ikev2 = (connValue(conf, n, "ikev2") || "").toLowerCase();
    const kex = (connValue(conf, n, "keyexchange") || "").toLowerCase();
    const v1 = ["no", "never", "permit"].includes(ikev2) || kex === "ikev1";
    const ver = v1 ? "-v1" : "-v2";
    const items = [];
    const ike = connValue(conf, n, "ike");
    if (ike !== undefined) items.push(`ike=${ike}`);
    const esp = connValue(conf, n, "esp") ?? connValue(conf, n, "phase2alg");
    if (esp !== undefined) items.push(`esp=${esp}`);
    for (const it of items) {
      const r = run(algparse, [ver, it], { timeout: 10000 });
      const txt = r.text().replace(/\s+/g, " ").trim();
      algLines.push(`[${n}] algparse ${ver} '${it}' -> rc=${r.status}: ${txt}`);
      if (r.status !== 0 || /ERROR/.test(txt))
        problems.push(`[${n}] algparse ${ver} '${it}': ${txt}`);
    }
  }

  // 2. pluto in a netns
  const ns = makeNetns();
  const W = makeTmp("lsw");
  run("ip", ["-n", ns, "addr", "add", `${leftIpv6}/128`, "dev", "lo", "nodad"]);
  for (const d of ["run", "nss", "ipsec.d"]) fs.mkdirSync(path.join(W, d));
  const cu = run("certutil", ["-N", "-d", `sql:${W}/nss`, "--empty-password"], {
    timeout: 20000,
  });
  if (cu.status !== 0)
    return { ok: false, tool, details: `certutil -N failed: ${cu.text()}` };
  // pluto gets only the "config setup" section: otherwise it would auto-load (and for
  // auto=start initiate) the conns itself; conns are added explicitly with addconn below.
  const setupFile = path.join(W, "setup.conf");
  fs.writeFileSync(setupFile, `config setup\n${conf.setup.join("\n")}\n`);
  const logFile = path.join(W, "pluto.log");
  const ctl = path.join(W, "run", "pluto.ctl");
  const stdoutFile = path.join(W, "pluto.stdout");
  const t0 = Date.now();
  const cmd = [
    `${LSW_EXEC}/pluto`,
    "--config",
    setupFile,
    "--secretsfile",
    secretsFile,
    "--rundir",
    `${W}/run`,
    "--nssdir",
    `${W}/nss`,
    "--ipsecdir",
    `${W}/ipsec.d`,
    "--logfile",
    logFile,
    "--nofork",
  ]
    .map(q)
    .join(" ");
  const st = await startDaemon(
    ns,
    [overlay(`${LSW}/usr/libexec`, "/usr/libexec")],
    cmd,
    process.env,
    stdoutFile,
  );
  const up = await waitFor(
    () => fs.existsSync(ctl),
    DAEMON_START_DEADLINE_MS,
    st,
  );
  if (!up) {
    const log = readText(logFile) + readText(stdoutFile);
    return {
      ok: false,
      tool,
      details: `pluto did not start (exit ${st.code}) within ${DAEMON_START_DEADLINE_MS} ms`,
      log,
    };
  }
  notes.push(`pluto ready after ${Date.now() - t0} ms`);
  const addconn = path.join(LSW, "usr/libexec/ipsec/addconn");
  const addOut = [];
  for (const n of names) {
    const r = run(
      "ip",
      [
        "netns",
        "exec",
        ns,
        addconn,
        "--ctlsocket",
        ctl,
        "--config",
        confFile,
        n,
      ],
      { timeout: 20000 },
    );
    addOut.push(
      `[${n}] addconn rc=${r.status}${r.text() ? ": " + r.text() : ""}`,
    );
    if (r.status !== 0)
      problems.push(
        `[${n}] addconn exited ${r.status}${r.text() ? ": " + r.text() : " (reason: see log)"}`,
      );
  }
  // secrets are loaded asynchronously after start-up; wait until pluto says so
  const secretsSeen = await waitFor(
    () => readText(logFile).includes("loading secrets from"),
    10000,
    st,
  );
  const whack = path.join(LSW, "usr/libexec/ipsec/whack");
  run(whack, ["--ctlsocket", ctl, "--shutdown"], { timeout: 15000 });
  if (!(await waitExit(st, 5000))) {
    killNetnsPids(ns);
    await waitExit(st, 2000);
  }
  const log =
    readText(logFile) +
    (readText(stdoutFile)
      ? `\n--- pluto stdout/stderr ---\n${readText(stdoutFile)}`
      : "");
  const lines = log
    .split("\n")
    .map((l) => l.replace(/^\w{3} [ \d]\d \d\d:\d\d:\d\d\.\d+: /, ""));

  // 3. per-conn verdict from the log
  const connLines = [];
  for (const n of names) {
    const tag = `"${n}"`;
    const mine = lines.filter(
      (l) => l.includes(tag) || l.includes(`conn: ${tag}`),
    );
    const added = mine.find((l) =>
      new RegExp(`^${escapeRe(tag)}: added IKEv[12] connection`).test(l),
    );
    const failed = mine.filter((l) =>
      /failed|error|not supported|does not allow|invalid/i.test(l),
    );
    const warns = mine.filter((l) => /warning/i.test(l));
    if (added && failed.length === 0)
      connLines.push(`[${n}] ${added.slice(tag.length + 2)}`);
    else
      problems.push(
        `[${n}] not added: ${failed.join(" | ") || 'no "added … connection" line in pluto log'}`,
      );
    for (const w of warns) notes.push(`[${n}] ${w}`);
  }
  for (const l of lines)
    if (/^FATAL|ERROR: .*(config|setup)|syntax error/i.test(l))
      problems.push(`pluto: ${l}`);

  // 4. secrets
  if (!secretsSeen) problems.push('pluto never logged "loading secrets from"');
  const secretErr = lines.filter(
    (l) =>
      /expected record boundary|unterminated string|unexpected end of id list|PSK data malformed|ignored unrecognized keyword/i.test(
        l,
      ) ||
      (l.includes(secretsFile) && / line \d+:/.test(l)),
  );
  for (const l of secretErr) problems.push(`secrets: ${l}`);
  if (lines.some((l) => /using a weak secret/.test(l)))
    notes.push("secrets: WARNING: using a weak secret (PSK)");

  const details = [
    ...(problems.length
      ? ["PROBLEMS:", ...problems.map((p) => "  " + p)]
      : ["all conns added, algorithms and secrets accepted"]),
    "conns:",
    ...connLines.map((l) => "  " + l),
    "addconn:",
    ...addOut.map((l) => "  " + l),
    "algparse:",
    ...algLines.map((l) => "  " + l),
    ...(notes.length ? ["notes:", ...notes.map((l) => "  " + l)] : []),
  ].join("\n");
  return { ok: problems.length === 0, tool, details, log };
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------- strongSwan
// strongSwan settings syntax: count the sections directly under top-level "connections".
export function countSwanctlConnections(text) {
  // strip comments outside quotes, then tokenise braces / names / '=' values
  let depth = 0;
  let inConnections = false;
  let connDepth = -1;
  let count = 0;
  const names = [];
  const toks = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      toks.push({ t: "str" });
      i = j + 1;
    } else if (c === "{" || c === "}" || c === "=" || c === "\n") {
      toks.push({ t: c });
      i++;
    } else if (/\s/.test(c)) i++;
    else {
      let j = i;
      while (j < text.length && !/[\s{}=#"]/.test(text[j])) j++;
      toks.push({ t: "word", v: text.slice(i, j) });
      i = j;
    }
  }
  let afterEq = false;
  let lastWord = null;
  for (const tk of toks) {
    if (tk.t === "=") afterEq = true;
    else if (tk.t === "\n") afterEq = false;
    else if (tk.t === "word" || tk.t === "str") {
      if (!afterEq) lastWord = tk.v;
    } else if (tk.t === "{") {
      if (afterEq) continue;
      depth++;
      if (depth === 1 && lastWord === "connections") {
        inConnections = true;
        connDepth = 1;
      } else if (inConnections && depth === connDepth + 1) {
        count++;
        names.push(lastWord);
      }
      lastWord = null;
    } else if (tk.t === "}") {
      if (inConnections && depth === connDepth) inConnections = false;
      depth--;
      afterEq = false;
    }
  }
  return { count, names };
}

async function checkSwanctl(args) {
  const tool = "strongswan-5.9.8";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: swanctl FILE" };
  const file = path.resolve(fileArg);
  const charon = path.join(SS, "usr/lib/ipsec/charon");
  if (!fs.existsSync(charon))
    return {
      ok: false,
      tool,
      details: `missing ${charon}: run tools/daemons/install.sh`,
    };
  const { count: expected, names } = countSwanctlConnections(readText(file));
  const ns = makeNetns();
  const W = makeTmp("ss");
  const sock = `${W}/charon.vici`;
  const logFile = `${W}/charon.log`;
  fs.writeFileSync(
    `${W}/strongswan.conf`,
    `charon {
  load_modular = yes
  install_routes = no
  install_virtual_ip = no
  plugins {
    include ${SS}/etc/strongswan.d/charon/*.conf
    vici {
      load = yes
      socket = unix://${sock}
    }
  }
  filelog {
    charon {
      path = ${logFile}
      default = 1
      cfg = 2
      append = no
      flush_line = yes
    }
  }
}
swanctl {
  socket = unix://${sock}
  load = pem pkcs1 pkcs8 x509 revocation constraints pubkey openssl random
}
`,
  );
  const env = { ...process.env, STRONGSWAN_CONF: `${W}/strongswan.conf` };
  // charon's plugins/libs are found at the compiled-in /usr/lib/ipsec: overlay the extracted
  // tree there; /run is a private tmpfs so /var/run/charon.pid never collides.
  const mounts = [
    overlay(`${SS}/usr/lib`, "/usr/lib"),
    "mount -t tmpfs tmpfs /run",
  ];
  const t0 = Date.now();
  const st = await startDaemon(
    ns,
    mounts,
    q("/usr/lib/ipsec/charon"),
    env,
    `${W}/charon.stdout`,
  );
  const up = await waitFor(
    () => fs.existsSync(sock),
    DAEMON_START_DEADLINE_MS,
    st,
  );
  if (!up) {
    return {
      ok: false,
      tool,
      details: `charon did not start (exit ${st.code}) within ${DAEMON_START_DEADLINE_MS} ms`,
      log: readText(logFile) + readText(`${W}/charon.stdout`),
    };
  }
  const readyMs = Date.now() - t0;
  const swanctl = (extra) =>
    run(
      "ip",
      nsShell(
        ns,
        [overlay(`${SS}/usr/lib`, "/usr/lib")],
        ["/usr/sbin/swanctl", ...extra]
          .map(q)
          .join(" ")
          .replace("'/usr/sbin/swanctl'", q(`${SS}/usr/sbin/swanctl`)),
      ),
      {
        env,
        timeout: 30000,
      },
    );
  const load = swanctl([
    "--load-all",
    "--noprompt",
    "--file",
    file,
    "--uri",
    `unix://${sock}`,
  ]);
  const list = swanctl(["--list-conns", "--uri", `unix://${sock}`]);
  // stop charon
  try {
    st.child.kill("SIGTERM");
  } catch {
    /* gone */
  }
  if (!(await waitExit(st, 5000))) killNetnsPids(ns);
  const credDirRe =
    /^opening directory '.*' failed: No such file or directory$/;
  const loadTxt = load
    .text()
    .split("\n")
    .filter((l) => !credDirRe.test(l.trim()))
    .join("\n");
  // (--file makes swanctl look for credential dirs x509/, private/, … next to FILE: those
  //  "opening directory … failed" lines are harmless and dropped above)
  const problems = [];
  const m = /successfully loaded (\d+) connections?, (\d+) unloaded/.exec(
    loadTxt,
  );
  if (load.status !== 0)
    problems.push(`swanctl --load-all exited ${load.status}`);
  if (!m) problems.push('no "successfully loaded N connections" line');
  else if (Number(m[1]) !== expected)
    problems.push(
      `loaded ${m[1]} connections, file defines ${expected} (${names.join(", ")})`,
    );
  for (const l of loadTxt.split("\n")) {
    if (/fail|invalid|error|discarded|unknown|unexpected/i.test(l))
      problems.push(l.trim());
  }
  if (expected === 0)
    problems.push("no connections { NAME { … } } found in file");
  const details = [
    ...(problems.length
      ? ["PROBLEMS:", ...problems.map((p) => "  " + p)]
      : [`all ${expected} connections loaded`]),
    `charon ready after ${readyMs} ms`,
    "--- swanctl --load-all ---",
    loadTxt,
    "--- swanctl --list-conns ---",
    list.text(),
  ].join("\n");
  return {
    ok: problems.length === 0,
    tool,
    details,
    log: readText(logFile) + readText(`${W}/charon.stdout`),
  };
}

// ---------------------------------------------------------------- firewall
function checkNft(args) {
  const tool = "nft";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: nft FILE" };
  if (!which("nft"))
    return {
      ok: false,
      tool,
      details: "nft not installed: run tools/daemons/install.sh",
    };
  const ns = makeNetns();
  const v = run("nft", ["--version"]).text();
  const r = run(
    "ip",
    ["netns", "exec", ns, "nft", "-c", "-f", path.resolve(fileArg)],
    { timeout: 20000 },
  );
  return {
    ok: r.status === 0,
    tool,
    details: `${v}: nft -c -f -> rc=${r.status}${r.text() ? "\n" + r.text() : ""}`,
    log: r.text(),
  };
}

function checkIptables(kind, args) {
  const tool = kind;
  const files = args.filter((a) => !a.startsWith("--"));
  const noflush = args.includes("--noflush");
  if (files.length !== 1)
    return { ok: false, tool, details: `usage: ${kind} FILE [--noflush]` };
  if (!which(kind))
    return {
      ok: false,
      tool,
      details: `${kind} not installed: run tools/daemons/install.sh`,
    };
  const ns = makeNetns();
  const v = run(kind.replace("-restore", ""), ["--version"]).text();
  const a = [
    "netns",
    "exec",
    ns,
    kind,
    "--test",
    ...(noflush ? ["--noflush"] : []),
    path.resolve(files[0]),
  ];
  const r = run("ip", a, { timeout: 20000 });
  return {
    ok: r.status === 0,
    tool,
    details: `${v}: ${kind} --test${noflush ? " --noflush" : ""} -> rc=${r.status}${r.text() ? "\n" + r.text() : ""}`,
    log: r.text(),
  };
}

// ---------------------------------------------------------------- netplan
function checkNetplan(args) {
  const tool = "netplan";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: netplan FILE" };
  if (!which("netplan"))
    return {
      ok: false,
      tool,
      details: "netplan not installed: run tools/daemons/install.sh",
    };
  const root = makeTmp("netplan");
  fs.mkdirSync(`${root}/etc/netplan`, { recursive: true });
  let base = path.basename(fileArg);
  if (!/\.ya?ml$/.test(base)) base += ".yaml";
  const dst = `${root}/etc/netplan/${base}`;
  fs.copyFileSync(path.resolve(fileArg), dst);
  fs.chmodSync(dst, 0o600);
  const r = run("netplan", ["generate", "--root-dir", root], {
    timeout: 30000,
  });
  const gen = [];
  for (const d of [
    "run/systemd/network",
    "run/NetworkManager/system-connections",
  ]) {
    const dir = `${root}/${d}`;
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort())
      gen.push(`--- /${d}/${f} ---\n${readText(`${dir}/${f}`)}`);
  }
  const txt = r.text();
  const problems = [];
  if (r.status !== 0) problems.push(`netplan generate exited ${r.status}`);
  if (/error|warning|too open/i.test(txt)) problems.push(txt);
  if (r.status === 0 && gen.length === 0)
    problems.push("netplan generated no networkd/NM file");
  return {
    ok: problems.length === 0,
    tool,
    details: [
      ...(problems.length
        ? ["PROBLEMS:", ...problems]
        : ["netplan generate OK"]),
      ...gen,
    ].join("\n"),
    log: txt,
  };
}

// ---------------------------------------------------------------- sysctl
const NIC_KEY = /^net\.(ipv4|ipv6)\.(conf|neigh)\.([^.]+)\.(.+)$/;
function checkSysctl(args) {
  const tool = "sysctl";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: sysctl FILE" };
  const text = readText(path.resolve(fileArg));
  const problems = [];
  const info = [];
  const entries = [];
  text.split("\n").forEach((raw, idx) => {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) return;
    const m = /^(-?)([A-Za-z0-9_./*-]+)\s*=\s*(.*)$/.exec(line);
    if (!m || m[3] === "") {
      problems.push(`line ${idx + 1}: not "key = value": ${raw}`);
      return;
    }
    const key = m[2].replace(/\//g, ".");
    entries.push({
      line: idx + 1,
      key,
      value: m[3].trim(),
      ignoreErr: m[1] === "-",
    });
  });
  const hostNics = new Set(fs.readdirSync("/proc/sys/net/ipv4/conf"));
  const nics = new Set();
  for (const e of entries) {
    const p = "/proc/sys/" + e.key.replace(/\./g, "/");
    const nm = NIC_KEY.exec(e.key);
    if (nm && !["all", "default", "lo"].includes(nm[3])) nics.add(nm[3]); // veth in the netns
    if (fs.existsSync(p)) {
      e.kind = "exists";
    } else if (
      nm &&
      !["all", "default"].includes(nm[3]) &&
      !hostNics.has(nm[3]) &&
      fs.existsSync(
        `/proc/sys/net/${nm[1]}/${nm[2]}/default/${nm[4].replace(/\./g, "/")}`,
      )
    ) {
      e.kind = "nic-specific";
      e.nic = nm[3];
      nics.add(nm[3]);
    } else {
      e.kind = "unknown";
      (e.ignoreErr ? info : problems).push(
        `line ${e.line}: ${e.key}: no such key under /proc/sys${e.ignoreErr ? " (ignored: leading -)" : ""}`,
      );
    }
  }
  // write net.* values for real inside a throw-away netns (per-netns keys only; veths named
  // like the NICs in the file so per-NIC keys exist); non-net keys are only checked for existence.
  const netEntries = entries.filter(
    (e) => e.kind !== "unknown" && e.key.startsWith("net."),
  );
  if (netEntries.length) {
    const ns = makeNetns();
    let k = 0;
    for (const nic of nics) {
      if (!/^[A-Za-z0-9_.-]{1,15}$/.test(nic)) continue;
      run("ip", [
        "-n",
        ns,
        "link",
        "add",
        nic,
        "type",
        "veth",
        "peer",
        "name",
        `dchkp${k++}`,
      ]);
    }
    for (const e of netEntries) {
      const p = "/proc/sys/" + e.key.replace(/\./g, "/");
      const ex = run("ip", ["netns", "exec", ns, "test", "-e", p]);
      if (ex.status !== 0) {
        info.push(`line ${e.line}: ${e.key}: not per-netns, value not tested`);
        continue;
      }
      const r = run(
        "ip",
        ["netns", "exec", ns, "sysctl", "-w", `${e.key}=${e.value}`],
        { timeout: 5000 },
      );
      if (r.status !== 0)
        problems.push(
          `line ${e.line}: sysctl -w ${e.key}=${e.value} (in netns): ${r.text()}`,
        );
      else e.applied = true;
    }
  }
  const lines = entries.map(
    (e) =>
      `line ${e.line}: ${e.key} = ${e.value} [${e.kind}${e.nic ? " " + e.nic : ""}${e.applied ? ", written in netns" : ""}]`,
  );
  if (entries.length === 0) problems.push("no key = value lines");
  return {
    ok: problems.length === 0,
    tool,
    details: [
      ...(problems.length ? ["PROBLEMS:", ...problems] : ["all keys OK"]),
      ...lines,
      ...info,
    ].join("\n"),
    log: "",
  };
}

function checkNetworkd(args) {
  return {
    ok: true,
    skipped: true,
    tool: "networkd",
    details:
      `skipped: systemd 252 has no offline validator for .network files (systemd-analyze verify only takes units; ` +
      `networkctl needs a running systemd-networkd + D-Bus). File: ${args[0] || "(none)"}`,
    log: "",
  };
}

// ---------------------------------------------------------------- main
const KINDS = {
  libreswan: checkLibreswan,
  swanctl: checkSwanctl,
  nft: checkNft,
  "iptables-restore": (a) => checkIptables("iptables-restore", a),
  "ip6tables-restore": (a) => checkIptables("ip6tables-restore", a),
  netplan: checkNetplan,
  sysctl: checkSysctl,
  networkd: checkNetworkd,
};

async function main() {
  const [kind, ...args] = process.argv.slice(2);
  const fn = KINDS[kind];
  if (!fn) {
    out({
      ok: false,
      tool: String(kind),
      details: `usage: check.mjs <${Object.keys(KINDS).join("|")}> args…`,
    });
    return 2;
  }
  if (
    process.getuid &&
    process.getuid() !== 0 &&
    !["sysctl", "networkd"].includes(kind)
  ) {
    out({
      ok: false,
      tool: kind,
      details: "must run as root (network namespaces)",
    });
    return 2;
  }
  for (const a of args.filter(
    (x) => !x.startsWith("--") && kind !== "libreswan",
  ))
    if (!fs.existsSync(a)) {
      out({ ok: false, tool: kind, details: `no such file: ${a}` });
      return 2;
    }
  let res;
  const t0 = Date.now();
  try {
    res = await fn(args);
  } catch (e) {
    res = {
      ok: false,
      tool: kind,
      details: `harness error: ${e && e.stack ? e.stack : e}`,
    };
  }
  res.details = `${res.details}\n(check took ${Date.now() - t0} ms)`;
  out(res);
  return res.ok ? 0 : 1;
}

main().then((code) => {
  doCleanup();
  process.exit(code);
});
