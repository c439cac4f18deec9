#!/bin/sh
# home-rocky9: apply the VPS side. 適用: cd vps && sudo sh setup/apply.sh
# Target: RHEL / Rocky / Alma 9, libreswan
set -eu
cd "$(dirname "$0")/.."

echo '== 1. 変更するファイルのバックアップ / Back up every file this changes'
BACKUP=/root/home-rocky9-backup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$BACKUP"
for f in /etc/sysctl.d/99-home-rocky9.conf /etc/ipsec.d/home-rocky9.conf /etc/ipsec.d/home-rocky9.secrets /etc/ipsec.conf; do
  if [ -e "$f" ]; then cp -a --parents "$f" "$BACKUP"; fi
done
echo "$BACKUP" > /root/home-rocky9-last-backup
echo "backup: $BACKUP"

echo '== 2. カーネル設定 (転送・リダイレクト・rp_filter) / Kernel settings (forwarding, redirects, rp_filter)'
install -m 0644 etc/sysctl.d/99-home-rocky9.conf /etc/sysctl.d/99-home-rocky9.conf
sysctl --system >/dev/null
sysctl net.ipv4.ip_forward

echo '== 3. プライベート NIC のアドレスと、VPS 自身から自宅 LAN への経路 / Private NIC address, and the route the VPS itself uses to reach the home LAN'
nmcli -g NAME connection show | grep -qx home-rocky9-private && nmcli connection delete home-rocky9-private
nmcli connection add type ethernet ifname ens4 con-name home-rocky9-private ipv4.method manual ipv4.addresses 192.168.20.1/24 ipv4.routes '192.168.10.0/23 192.168.20.1' ipv6.method disabled connection.autoconnect yes
nmcli connection up home-rocky9-private

echo '== 4. ファイアウォール: RTX からの IKE/ESP だけを受け入れ、トンネルとプライベート NIC の間を転送 / Firewall: admit IKE/ESP from the RTX only and forward between the tunnel and the private NIC'
firewall-cmd --permanent '--add-rich-rule=rule family="ipv6" source address="2001:db8:1::1/128" destination address="2001:db8:2::1/128" service name="ipsec" accept'
firewall-cmd --permanent --zone=trusted --add-source=192.168.10.0/23
firewall-cmd --permanent --zone=trusted --add-source=192.168.20.0/24
firewall-cmd --permanent --direct --add-rule ipv4 mangle FORWARD 0 -s 192.168.10.0/23 -d 192.168.20.0/24 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1366
firewall-cmd --permanent --direct --add-rule ipv4 mangle FORWARD 0 -s 192.168.20.0/24 -d 192.168.10.0/23 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1366
firewall-cmd --reload

echo '== 5. IPsec ソフトウェアのインストールと設定ファイルの配置 / Install the IPsec software and place its files'
dnf install -y libreswan
grep -q '^include /etc/ipsec.d/\*.conf' /etc/ipsec.conf || echo 'include /etc/ipsec.d/*.conf' >> /etc/ipsec.conf
install -m 0644 etc/ipsec.d/home-rocky9.conf /etc/ipsec.d/home-rocky9.conf
install -m 0600 etc/ipsec.d/home-rocky9.secrets /etc/ipsec.d/home-rocky9.secrets
ipsec addconn --checkconfig

echo '== 6. IPsec サービスの自動起動と起動 / Enable and start the IPsec service'
systemctl enable ipsec
systemctl restart ipsec
timeout 60 ipsec auto --up home-rocky9 || echo '(まだ接続していません: RTX 側を設定してから sh setup/verify.sh で確認してください) / (not up yet: set up the RTX side, then check with sh setup/verify.sh)'

echo '== 完了。確認は sh setup/verify.sh / Done. Check with: sh setup/verify.sh'
