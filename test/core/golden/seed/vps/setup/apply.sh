#!/bin/sh
# vps-rtx830: apply the VPS side. 適用: cd vps && sudo sh setup/apply.sh
# Target: CentOS 6 (the seed), libreswan
set -eu
cd "$(dirname "$0")/.."

echo '== 1. 変更するファイルのバックアップ / Back up every file this changes'
BACKUP=/root/vps-rtx830-backup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$BACKUP"
for f in /etc/sysconfig/network-scripts/ifcfg-eth1 /etc/sysconfig/network-scripts/route-eth1 /etc/ipsec.d/vps-rtx830.conf /etc/ipsec.d/vps-rtx830.secrets /etc/sysctl.conf /etc/ipsec.conf; do
  if [ -e "$f" ]; then cp -a --parents "$f" "$BACKUP"; fi
done
echo "$BACKUP" > /root/vps-rtx830-last-backup
echo "backup: $BACKUP"

echo '== 2. カーネル設定 (転送・リダイレクト・rp_filter) / Kernel settings (forwarding, redirects, rp_filter)'
grep -qF '# vps-rtx830: kernel settings' /etc/sysctl.conf || cat setup/sysctl-append.conf >> /etc/sysctl.conf
sysctl -p

echo '== 3. プライベート NIC のアドレスと、VPS 自身から自宅 LAN への経路 / Private NIC address, and the route the VPS itself uses to reach the home LAN'
install -m 0644 etc/sysconfig/network-scripts/ifcfg-eth1 /etc/sysconfig/network-scripts/ifcfg-eth1
install -m 0644 etc/sysconfig/network-scripts/route-eth1 /etc/sysconfig/network-scripts/route-eth1
ifdown eth1 2>/dev/null; ifup eth1

echo '== 4. ファイアウォール: RTX からの IKE/ESP だけを受け入れ、トンネルとプライベート NIC の間を転送 / Firewall: admit IKE/ESP from the RTX only and forward between the tunnel and the private NIC'
ip6tables -n -L RTX-IPSEC-IN >/dev/null 2>&1 || ip6tables-restore --noflush < setup/ip6tables.rules
iptables -n -L RTX-IPSEC-FWD >/dev/null 2>&1 || iptables-restore --noflush < setup/iptables.rules
service ip6tables save
service iptables save

echo '== 5. IPsec ソフトウェアのインストールと設定ファイルの配置 / Install the IPsec software and place its files'
yum install -y libreswan
grep -q '^include /etc/ipsec.d/\*.conf' /etc/ipsec.conf || echo 'include /etc/ipsec.d/*.conf' >> /etc/ipsec.conf
install -m 0644 etc/ipsec.d/vps-rtx830.conf /etc/ipsec.d/vps-rtx830.conf
install -m 0600 etc/ipsec.d/vps-rtx830.secrets /etc/ipsec.d/vps-rtx830.secrets
ipsec addconn --checkconfig

echo '== 6. IPsec サービスの自動起動と起動 / Enable and start the IPsec service'
chkconfig ipsec on
service ipsec restart
timeout 60 ipsec auto --up vps-rtx830 || echo '(まだ接続していません: RTX 側を設定してから sh setup/verify.sh で確認してください) / (not up yet: set up the RTX side, then check with sh setup/verify.sh)'

echo '== 完了。確認は sh setup/verify.sh / Done. Check with: sh setup/verify.sh'
