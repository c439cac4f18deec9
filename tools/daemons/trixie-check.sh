#!/usr/bin/env bash
# Kept for callers of the earlier name: the Debian 13 chroot check is suite-check.sh trixie.
exec "$(dirname "${BASH_SOURCE[0]}")/suite-check.sh" trixie "$@"
