#!/bin/sh
# home-deb12: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh
set -eu
cd "$(dirname "$0")/.."
BACKUP=$(cat /root/home-deb12-last-backup)
set +e
swanctl --terminate --ike home-deb12 --force 2>/dev/null || true
rm -f /etc/swanctl/conf.d/home-deb12.conf
swanctl --load-all
nft delete table inet rtx_ipsec_home_deb12
sed -i '\#/etc/nftables.d/home-deb12.nft#d' /etc/nftables.conf
rm -f /etc/nftables.d/home-deb12.nft
ifdown eth1
rm -f /etc/network/interfaces.d/eth1
rm -f /etc/sysctl.d/99-home-deb12.conf
sysctl --system >/dev/null
set -e
( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )
echo '元に戻しました。バックアップ:  / Restored. Backup: '"$BACKUP"
