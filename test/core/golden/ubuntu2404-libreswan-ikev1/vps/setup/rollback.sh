#!/bin/sh
# home-ubuntu: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh
set -eu
cd "$(dirname "$0")/.."
BACKUP=$(cat /root/home-ubuntu-last-backup)
set +e
ipsec whack --delete --name home-ubuntu 2>/dev/null || true
rm -f /etc/ipsec.d/home-ubuntu.conf /etc/ipsec.d/home-ubuntu.secrets
sed -i '/^    ikev1-policy=accept$/d' /etc/ipsec.conf
systemctl restart ipsec
ufw delete allow proto udp from 2001:db8:1::1 to 2001:db8:2::1 port 500,4500
ufw delete allow proto esp from 2001:db8:1::1 to 2001:db8:2::1
ufw delete allow from 192.168.10.0/24 to 192.168.20.0/24
ufw delete route allow from 192.168.10.0/24 to 192.168.20.0/24
ufw delete route allow from 192.168.20.0/24 to 192.168.10.0/24
sed -i '/^# home-ubuntu: MSS clamp for the IPsec tunnel$/,/^# home-ubuntu: end$/d' /etc/ufw/before.rules
ufw reload
rm -f /etc/netplan/60-home-ubuntu.yaml
netplan apply
rm -f /etc/sysctl.d/99-home-ubuntu.conf
sysctl --system >/dev/null
set -e
( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )
echo '元に戻しました。バックアップ:  / Restored. Backup: '"$BACKUP"
