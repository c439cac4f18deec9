#!/bin/sh
# home-rtx1210: check the VPS side. 確認: cd vps && sudo sh setup/verify.sh
set -eu
cd "$(dirname "$0")/.."
status=0
echo '$ sysctl net.ipv4.ip_forward'; sysctl net.ipv4.ip_forward || status=1
echo '$ ip -4 addr show dev eth1'; ip -4 addr show dev eth1 || status=1
echo '$ ip route show dev eth1'; ip route show dev eth1 || status=1
echo '$ nft list table inet rtx_ipsec_home_rtx1210'; nft list table inet rtx_ipsec_home_rtx1210 || status=1
echo '$ swanctl --list-conns'; swanctl --list-conns || status=1
echo '$ swanctl --list-sas'; swanctl --list-sas || status=1
echo '$ ip -s xfrm state'; ip -s xfrm state || status=1
echo '$ ping -c 3 -I 10.20.0.1 172.16.0.1'
ping -c 3 -I 10.20.0.1 172.16.0.1 || status=1
echo 'トンネル経由の ping が通れば、ip -s xfrm state のカウンタが増えています。 / If the ping over the tunnel answers, the ip -s xfrm state counters have grown.'
exit $status
