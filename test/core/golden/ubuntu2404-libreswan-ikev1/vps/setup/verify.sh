#!/bin/sh
# home-ubuntu: check the VPS side. 確認: cd vps && sudo sh setup/verify.sh
set -eu
cd "$(dirname "$0")/.."
status=0
echo '$ sysctl net.ipv4.ip_forward'; sysctl net.ipv4.ip_forward || status=1
echo '$ ip -4 addr show dev ens4'; ip -4 addr show dev ens4 || status=1
echo '$ ip route show dev ens4'; ip route show dev ens4 || status=1
echo '$ ufw status verbose'; ufw status verbose || status=1
echo '$ iptables -t mangle -n -L FORWARD'; iptables -t mangle -n -L FORWARD || status=1
echo '$ ipsec verify'; ipsec verify || status=1
echo '$ ipsec status | grep home-ubuntu'; ipsec status | grep home-ubuntu || status=1
echo '$ ipsec trafficstatus'; ipsec trafficstatus || status=1
echo '$ ip -s xfrm state'; ip -s xfrm state || status=1
echo '$ ipsec status | grep -o '\''ikev1-policy=[a-z]*'\''; if ipsec status | grep -q '\''ikev1-policy=accept'\''; then echo '\''IKEv1 は許可されています (ikev1-policy=accept) / IKEv1 is allowed (ikev1-policy=accept)'\''; else echo '\''IKEv1 は許可されていません: /etc/ipsec.conf の config setup を確認してください / IKEv1 is NOT allowed: check config setup in /etc/ipsec.conf'\''; false; fi'; ipsec status | grep -o 'ikev1-policy=[a-z]*'; if ipsec status | grep -q 'ikev1-policy=accept'; then echo 'IKEv1 は許可されています (ikev1-policy=accept) / IKEv1 is allowed (ikev1-policy=accept)'; else echo 'IKEv1 は許可されていません: /etc/ipsec.conf の config setup を確認してください / IKEv1 is NOT allowed: check config setup in /etc/ipsec.conf'; false; fi || status=1
echo '$ ping -c 3 -I 192.168.20.1 192.168.10.1'
ping -c 3 -I 192.168.20.1 192.168.10.1 || status=1
echo 'トンネル経由の ping が通れば、ip -s xfrm state のカウンタが増えています。 / If the ping over the tunnel answers, the ip -s xfrm state counters have grown.'
exit $status
