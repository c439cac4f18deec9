/** strongSwan 5.9.8 (Debian 12): charon in a netns, `swanctl --load-all --file FILE`, count what loaded. */
import fs from 'node:fs';
import path from 'node:path';
import { SS } from './paths';
import { q, readText, run } from './proc';
import type { CheckResult } from './result';
import { DAEMON_START_DEADLINE_MS, killNetnsPids, makeNetns, makeTmp, nsShell, overlay, startDaemon, waitExit, waitFor } from './sandbox';
import { countSwanctlConnections } from './swanctlCount';

export async function checkSwanctl(args: string[]): Promise<CheckResult> {
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
  const st = startDaemon(
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
  const swanctl = (extra: string[]) =>
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
  const problems: string[] = [];
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

