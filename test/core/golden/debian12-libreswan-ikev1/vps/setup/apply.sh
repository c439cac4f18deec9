#!/bin/sh
# home-deb12-v1: apply the VPS side. 適用: cd vps && sudo sh setup/apply.sh
# Target: Debian 12 (bookworm), libreswan
set -eu
cd "$(dirname "$0")/.."

echo '== 1. 変更するファイルのバックアップ / Back up every file this changes'
BACKUP=/root/home-deb12-v1-backup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$BACKUP"
for f in /etc/sysctl.d/99-home-deb12-v1.conf /etc/network/interfaces.d/eth1 /etc/nftables.d/home-deb12-v1.nft /etc/ipsec.d/home-deb12-v1.conf /etc/ipsec.d/home-deb12-v1.secrets /etc/ipsec.conf; do
  if [ -e "$f" ]; then cp -a --parents "$f" "$BACKUP"; fi
done
echo "$BACKUP" > /root/home-deb12-v1-last-backup
echo "backup: $BACKUP"

echo '== 2. カーネル設定 (転送・リダイレクト・rp_filter) / Kernel settings (forwarding, redirects, rp_filter)'
install -m 0644 etc/sysctl.d/99-home-deb12-v1.conf /etc/sysctl.d/99-home-deb12-v1.conf
sysctl --system >/dev/null
sysctl net.ipv4.ip_forward

echo '== 3. プライベート NIC のアドレスと、VPS 自身から自宅 LAN への経路 / Private NIC address, and the route the VPS itself uses to reach the home LAN'
grep -q '^source /etc/network/interfaces.d/' /etc/network/interfaces || echo 'source /etc/network/interfaces.d/*' >> /etc/network/interfaces
install -m 0644 etc/network/interfaces.d/eth1 /etc/network/interfaces.d/eth1
ifdown eth1 2>/dev/null; ifup eth1

echo '== 4. ファイアウォール: RTX からの IKE/ESP だけを受け入れ、トンネルとプライベート NIC の間を転送 / Firewall: admit IKE/ESP from the RTX only and forward between the tunnel and the private NIC'
mkdir -p /etc/nftables.d
install -m 0644 etc/nftables.d/home-deb12-v1.nft /etc/nftables.d/home-deb12-v1.nft
nft -c -f /etc/nftables.d/home-deb12-v1.nft
nft list table inet rtx_ipsec_home_deb12_v1 >/dev/null 2>&1 && nft delete table inet rtx_ipsec_home_deb12_v1; nft -f /etc/nftables.d/home-deb12-v1.nft
grep -q '/etc/nftables.d/home-deb12-v1.nft' /etc/nftables.conf || echo 'include "/etc/nftables.d/home-deb12-v1.nft"' >> /etc/nftables.conf
systemctl enable nftables

echo '== 5. IPsec ソフトウェアのインストールと設定ファイルの配置 / Install the IPsec software and place its files'
apt-get install -y libreswan
grep -q '^include /etc/ipsec.d/\*.conf' /etc/ipsec.conf || echo 'include /etc/ipsec.d/*.conf' >> /etc/ipsec.conf
if grep -q '^[[:space:]]*ikev1-policy=' /etc/ipsec.conf; then sed -i 's/^\([[:space:]]*\)ikev1-policy=.*/\1ikev1-policy=accept/' /etc/ipsec.conf
elif grep -q '^config setup' /etc/ipsec.conf; then sed -i '/^config setup/a\    ikev1-policy=accept' /etc/ipsec.conf
else sed -i '1i config setup' /etc/ipsec.conf && sed -i '1a\    ikev1-policy=accept' /etc/ipsec.conf; fi
install -m 0644 etc/ipsec.d/home-deb12-v1.conf /etc/ipsec.d/home-deb12-v1.conf
install -m 0600 etc/ipsec.d/home-deb12-v1.secrets /etc/ipsec.d/home-deb12-v1.secrets
ipsec addconn --checkconfig

echo '== 6. IPsec サービスの自動起動と起動 / Enable and start the IPsec service'
systemctl enable ipsec
systemctl restart ipsec
timeout 60 ipsec auto --up home-deb12-v1 || echo '(まだ接続していません: RTX 側を設定してから sh setup/verify.sh で確認してください) / (not up yet: set up the RTX side, then check with sh setup/verify.sh)'

echo '== 完了。確認は sh setup/verify.sh / Done. Check with: sh setup/verify.sh'
