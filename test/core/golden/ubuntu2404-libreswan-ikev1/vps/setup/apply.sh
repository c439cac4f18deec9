#!/bin/sh
# home-ubuntu: apply the VPS side. 適用: cd vps && sudo sh setup/apply.sh
# Target: Ubuntu 24.04 LTS, libreswan
set -eu
cd "$(dirname "$0")/.."

echo '== 1. 変更するファイルのバックアップ / Back up every file this changes'
BACKUP=/root/home-ubuntu-backup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$BACKUP"
for f in /etc/sysctl.d/99-home-ubuntu.conf /etc/netplan/60-home-ubuntu.yaml /etc/ipsec.d/home-ubuntu.conf /etc/ipsec.d/home-ubuntu.secrets /etc/ipsec.conf; do
  if [ -e "$f" ]; then cp -a --parents "$f" "$BACKUP"; fi
done
echo "$BACKUP" > /root/home-ubuntu-last-backup
echo "backup: $BACKUP"

echo '== 2. カーネル設定 (転送・リダイレクト・rp_filter) / Kernel settings (forwarding, redirects, rp_filter)'
install -m 0644 etc/sysctl.d/99-home-ubuntu.conf /etc/sysctl.d/99-home-ubuntu.conf
sysctl --system >/dev/null
sysctl net.ipv4.ip_forward

echo '== 3. プライベート NIC のアドレスと、VPS 自身から自宅 LAN への経路 / Private NIC address, and the route the VPS itself uses to reach the home LAN'
install -m 0600 etc/netplan/60-home-ubuntu.yaml /etc/netplan/60-home-ubuntu.yaml
netplan generate
netplan apply

echo '== 4. ファイアウォール: RTX からの IKE/ESP だけを受け入れ、トンネルとプライベート NIC の間を転送 / Firewall: admit IKE/ESP from the RTX only and forward between the tunnel and the private NIC'
ufw allow proto udp from 2001:db8:1::1 to 2001:db8:2::1 port 500,4500
ufw allow proto esp from 2001:db8:1::1 to 2001:db8:2::1
ufw allow from 192.168.10.0/24 to 192.168.20.0/24
ufw route allow from 192.168.10.0/24 to 192.168.20.0/24
ufw route allow from 192.168.20.0/24 to 192.168.10.0/24
grep -qF '# home-ubuntu: MSS clamp for the IPsec tunnel' /etc/ufw/before.rules || { cat setup/ufw-before-mangle.rules /etc/ufw/before.rules > /etc/ufw/before.rules.new && mv /etc/ufw/before.rules.new /etc/ufw/before.rules; }
ufw reload

echo '== 5. IPsec ソフトウェアのインストールと設定ファイルの配置 / Install the IPsec software and place its files'
apt-get install -y libreswan
grep -q '^include /etc/ipsec.d/\*.conf' /etc/ipsec.conf || echo 'include /etc/ipsec.d/*.conf' >> /etc/ipsec.conf
if grep -q '^[[:space:]]*ikev1-policy=' /etc/ipsec.conf; then sed -i 's/^\([[:space:]]*\)ikev1-policy=.*/\1ikev1-policy=accept/' /etc/ipsec.conf
elif grep -q '^config setup' /etc/ipsec.conf; then sed -i '/^config setup/a\    ikev1-policy=accept' /etc/ipsec.conf
else sed -i '1i config setup' /etc/ipsec.conf && sed -i '1a\    ikev1-policy=accept' /etc/ipsec.conf; fi
install -m 0644 etc/ipsec.d/home-ubuntu.conf /etc/ipsec.d/home-ubuntu.conf
install -m 0600 etc/ipsec.d/home-ubuntu.secrets /etc/ipsec.d/home-ubuntu.secrets
ipsec addconn --checkconfig

echo '== 6. IPsec サービスの自動起動と起動 / Enable and start the IPsec service'
systemctl enable ipsec
systemctl restart ipsec
timeout 60 ipsec auto --up home-ubuntu || echo '(まだ接続していません: RTX 側を設定してから sh setup/verify.sh で確認してください) / (not up yet: set up the RTX side, then check with sh setup/verify.sh)'

echo '== 完了。確認は sh setup/verify.sh / Done. Check with: sh setup/verify.sh'
