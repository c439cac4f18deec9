#!/bin/sh
# home-deb12-v1: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh
set -eu
cd "$(dirname "$0")/.."
BACKUP=$(cat /root/home-deb12-v1-last-backup)
set +e
ipsec whack --delete --name home-deb12-v1 2>/dev/null || true
rm -f /etc/ipsec.d/home-deb12-v1.conf /etc/ipsec.d/home-deb12-v1.secrets
sed -i '/^    ikev1-policy=accept$/d' /etc/ipsec.conf
systemctl restart ipsec
nft delete table inet rtx_ipsec_home_deb12_v1
sed -i '\#/etc/nftables.d/home-deb12-v1.nft#d' /etc/nftables.conf
rm -f /etc/nftables.d/home-deb12-v1.nft
ifdown eth1
rm -f /etc/network/interfaces.d/eth1
rm -f /etc/sysctl.d/99-home-deb12-v1.conf
sysctl --system >/dev/null
set -e
( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )
echo '元に戻しました。バックアップ:  / Restored. Backup: '"$BACKUP"
