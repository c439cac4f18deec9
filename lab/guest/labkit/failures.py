"""Daemon log lines that name why a negotiation failed, as `CATEGORY: [side] line`."""
import os
import re

FAILURE_PATTERNS = [
    ("CONN_LOAD_FAILED", r"failed to add (IKEv[12] )?connection|ikev1-policy does not allow|loading connection '.*' failed|"
                         r"failed to load|unrecognized keyword|syntax error|unknown keyword|invalid value"),
    ("AUTHENTICATION_FAILED", r"AUTHENTICATION_FAILED|authentication failed|mismatch of preshared secrets|"
                              r"MAC mismatched|verification of AUTH payload .* failed|"
                              r"Can't authenticate: no preshared key|no shared key found|"
                              r"INVALID_HASH_INFORMATION|PSK mismatch|peer authentication failed|"
                              r"received AUTH_FAILED|tried \d+ shared keys? for .* but MAC mismatched"),
    ("NO_PROPOSAL_CHOSEN", r"NO_PROPOSAL_CHOSEN|no acceptable (Oakley|ESP|IKE|proposal|transform)|"
                           r"no matching proposal|no proposal chosen|received proposals .* not acceptable|"
                           r"proposal .* (unacceptable|not acceptable)|no (IKE|CHILD|ESP) proposal|"
                           r"INVALID_KE_PAYLOAD .*(rejected|unacceptable)|no acceptable KE"),
    ("TS_UNACCEPTABLE", r"TS_UNACCEPTABLE|INVALID_ID_INFORMATION|traffic selectors .* unacceptable|"
                        r"no acceptable traffic selectors|cannot respond to IPsec SA request because no connection is known"),
    ("INVALID_SYNTAX", r"INVALID_SYNTAX|had internal error"),
    ("KERNEL_SA_FAILED", r"netlink response for (Add|Update) SA .*: |unable to install (inbound|outbound) IPsec SA|"
                         r"Protocol not supported \(errno"),
]
IGNORED = re.compile(r"INVALID_KE_PAYLOAD(?!.*(rejected|unacceptable))|retransmit|notification .*ignored")


def find_failure(files, since=None):
    """First (category, '[side] line') found in the given logs, in FAILURE_PATTERNS order.

    `since` maps a log path to a byte offset: only text after it is searched (used after a rekey or a
    restart, when older lines no longer matter)."""
    for cat, pat in FAILURE_PATTERNS:
        rx = re.compile(pat, re.I)
        for fn in files:
            try:
                with open(fn, errors="replace") as f:
                    if since and fn in since:
                        f.seek(since[fn])
                    text = f.read()
            except OSError:
                continue
            for line in text.splitlines():
                if rx.search(line) and not IGNORED.search(line):
                    side = os.path.basename(os.path.dirname(fn))
                    return cat, f"[{side}] {line.strip()[:300]}"
    return None, None


def log_offsets(files):
    out = {}
    for fn in files:
        try:
            out[fn] = os.path.getsize(fn)
        except OSError:
            out[fn] = 0
    return out
