/**
 * libreswan 4.10 (Debian 12): algparse on every ike=/esp=, pluto in a netns with only the
 * `config setup` of CONF, addconn per loaded conn, the verdict from pluto's log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { connValue, loadedConns, parseIpsecConf } from './ipsecConf';
import { LSW, LSW_EXEC } from './paths';
import { escapeRe, in2001db8, q, readText, run } from './proc';
import type { CheckResult } from './result';
import { DAEMON_START_DEADLINE_MS, killNetnsPids, makeNetns, makeTmp, overlay, startDaemon, waitExit, waitFor } from './sandbox';

export async function checkLibreswan(args: string[]): Promise<CheckResult> {
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
  const names = loadedConns(conf);
  const problems: string[] = [];
  const notes: string[] = [];
  if (names.length === 0) problems.push('no "conn NAME" section found');

  // 1. algparse (pure parser, no daemon)
  const algparse = path.join(LSW, "usr/libexec/ipsec/algparse");
  const algLines: string[] = [];
  for (const n of names) {
    const ikev2 = (connValue(conf, n, "ikev2") || "").toLowerCase();
    const kex = (connValue(conf, n, "keyexchange") || "").toLowerCase();
    const v1 = ["no", "never", "permit"].includes(ikev2) || kex === "ikev1";
    const ver = v1 ? "-v1" : "-v2";
    const items: string[] = [];
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
  const st = startDaemon(
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
  const addOut: string[] = [];
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
  const connLines: string[] = [];
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

