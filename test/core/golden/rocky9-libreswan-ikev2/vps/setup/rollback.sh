#!/bin/sh
# home-rocky9: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh
set -eu
cd "$(dirname "$0")/.."
BACKUP=$(cat /root/home-rocky9-last-backup)
set +e
ipsec whack --delete --name home-rocky9 2>/dev/null || true
rm -f /etc/ipsec.d/home-rocky9.conf /etc/ipsec.d/home-rocky9.secrets
systemctl restart ipsec
firewall-cmd --permanent '--remove-rich-rule=rule family="ipv6" source address="2001:db8:1::1/128" destination address="2001:db8:2::1/128" service name="ipsec" accept'
firewall-cmd --permanent --zone=trusted --remove-source=192.168.10.0/23
firewall-cmd --permanent --zone=trusted --remove-source=192.168.20.0/24
firewall-cmd --permanent --direct --remove-rule ipv4 mangle FORWARD 0 -s 192.168.10.0/23 -d 192.168.20.0/24 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1366
firewall-cmd --permanent --direct --remove-rule ipv4 mangle FORWARD 0 -s 192.168.20.0/24 -d 192.168.10.0/23 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1366
firewall-cmd --reload
nmcli connection delete home-rocky9-private
rm -f /etc/sysctl.d/99-home-rocky9.conf
sysctl --system >/dev/null
set -e
( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )
echo '元に戻しました。バックアップ:  / Restored. Backup: '"$BACKUP"
