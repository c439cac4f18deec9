#!/bin/sh
# vps-rtx830: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh
set -eu
cd "$(dirname "$0")/.."
BACKUP=$(cat /root/vps-rtx830-last-backup)
set +e
ipsec whack --delete --name vps-rtx830 2>/dev/null || true
rm -f /etc/ipsec.d/vps-rtx830.conf /etc/ipsec.d/vps-rtx830.secrets
service ipsec restart
ip6tables -D INPUT -s 2001:db8:1::1/128 -d 2001:db8:2::1/128 -j RTX-IPSEC-IN; ip6tables -F RTX-IPSEC-IN; ip6tables -X RTX-IPSEC-IN
iptables -D INPUT -j RTX-IPSEC-IN; iptables -F RTX-IPSEC-IN; iptables -X RTX-IPSEC-IN
iptables -D FORWARD -j RTX-IPSEC-FWD; iptables -F RTX-IPSEC-FWD; iptables -X RTX-IPSEC-FWD
iptables -t mangle -D FORWARD -j RTX-IPSEC-MSS; iptables -t mangle -F RTX-IPSEC-MSS; iptables -t mangle -X RTX-IPSEC-MSS
service ip6tables save
service iptables save
ifdown eth1
rm -f /etc/sysconfig/network-scripts/ifcfg-eth1 /etc/sysconfig/network-scripts/route-eth1
set -e
( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )
echo '元に戻しました。バックアップ:  / Restored. Backup: '"$BACKUP"
