#!/bin/sh
# home-deb12-v1: check the VPS side. 確認: cd vps && sudo sh setup/verify.sh
set -eu
cd "$(dirname "$0")/.."
status=0
echo '$ sysctl net.ipv4.ip_forward'; sysctl net.ipv4.ip_forward || status=1
echo '$ ip -4 addr show dev eth1'; ip -4 addr show dev eth1 || status=1
echo '$ ip route show dev eth1'; ip route show dev eth1 || status=1
echo '$ nft list table inet rtx_ipsec_home_deb12_v1'; nft list table inet rtx_ipsec_home_deb12_v1 || status=1
echo '$ ipsec verify'; ipsec verify || status=1
echo '$ ipsec status | grep home-deb12-v1'; ipsec status | grep home-deb12-v1 || status=1
echo '$ ipsec trafficstatus'; ipsec trafficstatus || status=1
echo '$ ip -s xfrm state'; ip -s xfrm state || status=1
echo '$ ipsec status | grep -o '\''ikev1-policy=[a-z]*'\''; if ipsec status | grep -q '\''ikev1-policy=accept'\''; then echo '\''IKEv1 は許可されています (ikev1-policy=accept) / IKEv1 is allowed (ikev1-policy=accept)'\''; else echo '\''IKEv1 は許可されていません: /etc/ipsec.conf の config setup を確認してください / IKEv1 is NOT allowed: check config setup in /etc/ipsec.conf'\''; false; fi'; ipsec status | grep -o 'ikev1-policy=[a-z]*'; if ipsec status | grep -q 'ikev1-policy=accept'; then echo 'IKEv1 は許可されています (ikev1-policy=accept) / IKEv1 is allowed (ikev1-policy=accept)'; else echo 'IKEv1 は許可されていません: /etc/ipsec.conf の config setup を確認してください / IKEv1 is NOT allowed: check config setup in /etc/ipsec.conf'; false; fi || status=1
echo '$ ping -c 3 -I 192.168.20.1 192.168.10.1'
ping -c 3 -I 192.168.20.1 192.168.10.1 || status=1
echo 'トンネル経由の ping が通れば、ip -s xfrm state のカウンタが増えています。 / If the ping over the tunnel answers, the ip -s xfrm state counters have grown.'
exit $status
