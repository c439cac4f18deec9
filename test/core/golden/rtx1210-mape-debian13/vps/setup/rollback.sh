#!/bin/sh
# home-rtx1210: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh
set -eu
cd "$(dirname "$0")/.."
BACKUP=$(cat /root/home-rtx1210-last-backup)
set +e
swanctl --terminate --ike home-rtx1210 --force 2>/dev/null || true
rm -f /etc/swanctl/conf.d/home-rtx1210.conf
swanctl --load-all
nft delete table inet rtx_ipsec_home_rtx1210
sed -i '\#/etc/nftables.d/home-rtx1210.nft#d' /etc/nftables.conf
rm -f /etc/nftables.d/home-rtx1210.nft
ifdown eth1
rm -f /etc/network/interfaces.d/eth1
rm -f /etc/sysctl.d/99-home-rtx1210.conf
sysctl --system >/dev/null
set -e
( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )
echo '元に戻しました。バックアップ:  / Restored. Backup: '"$BACKUP"
