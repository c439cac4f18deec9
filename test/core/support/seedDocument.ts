/**
 * The configuration lines of the seed article (RTX830 ⇄ Sakura VPS, CentOS 6.10), with its
 * placeholders replaced by the values of examples/seed.plan.json:
 * XXXX:XXXX::1 → 2001:db8:1::1, ZZZZ:ZZZZ::1 → 2001:db8:2::1, xxx → 10, yyy → 11, zzz → 20,
 * <事前共有鍵> → the example PSK. Comments of the article are dropped; nothing else is changed.
 */
export const SEED_PSK = 'ExampleOnly-Replace-Me-7fK2pQ9x';

export const SEED_RTX = `
ip route default gateway tunnel 1 gateway pp 1 filter 400000 400001 400002 400003
ip filter 400000 pass * * udp 500 *
ip filter 400001 pass * * esp
ip filter 400002 pass * * udp 4500 *
ip filter 400003 pass * * udp 1701 *
ip lan1 address 192.168.10.1/24
ip lan2 address 192.168.11.1/24
ip route 192.168.20.0/24 gateway tunnel 2
ipv6 lan2 secure filter in 101000 101001 101002 102000
ipv6 lan2 secure filter out 101099 dynamic 101080 101081 101082 101083 101084 101085 101098 101099
ipv6 filter 102000 pass 2001:db8:2::1 * * * *
tunnel select 2
 description tunnel VPS-RTX830
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike encryption 1 aes-cbc
  ipsec ike group 1 modp1024
  ipsec ike hash 1 sha
  ipsec ike keepalive log 1 off
  ipsec ike keepalive use 1 on dpd
  ipsec ike local address 1 2001:db8:1::1
  ipsec ike pre-shared-key 1 text ${SEED_PSK}
  ipsec ike remote address 1 2001:db8:2::1
 ip tunnel tcp mss limit auto
 tunnel enable 2
ipsec auto refresh on
`;

export const SEED_CONN = `
conn vps-rtx830
 auto=start
 type=tunnel
 aggrmode=no
 authby=secret
 keyexchange=ike
 ike=aes128-sha1;modp1024
 phase2=esp
 phase2alg=aes128-sha1;modp1024
 pfs=no
 ikelifetime=28800s
 keylife=28800s
 compress=no
 dpddelay=5
 dpdtimeout=20
 dpdaction=restart
 left=2001:db8:2::1
 leftsubnet=192.168.20.0/24
 right=2001:db8:1::1
 rightsubnet=192.168.10.0/23
`;

export const SEED_SECRETS = `2001:db8:2::1 2001:db8:1::1 : PSK "${SEED_PSK}"`;

export const SEED_IFCFG = `
DEVICE="eth1"
IPADDR="192.168.20.1"
NETMASK="255.255.255.0"
ONBOOT="yes"
TYPE="Ethernet"
`;

export const SEED_ROUTE = '192.168.10.0/23 via 192.168.20.1 dev eth1';

export const SEED_SYSCTL = `
net.ipv4.ip_forward = 1
net.ipv4.conf.all.accept_redirects = 0
net.ipv4.conf.default.accept_redirects = 0
net.ipv4.conf.eth0.accept_redirects = 0
net.ipv4.conf.eth1.accept_redirects = 0
net.ipv4.conf.eth2.accept_redirects = 0
net.ipv4.conf.lo.accept_redirects = 0
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.default.send_redirects = 0
net.ipv4.conf.eth0.send_redirects = 0
net.ipv4.conf.eth1.send_redirects = 0
net.ipv4.conf.eth2.send_redirects = 0
net.ipv4.conf.lo.send_redirects = 0
net.ipv4.conf.default.rp_filter =0
net.ipv4.conf.eth0.rp_filter =0
net.ipv4.conf.eth1.rp_filter =0
net.ipv4.conf.eth2.rp_filter =0
net.ipv4.conf.lo.rp_filter =0
`;

/** The article's server commands, in its order. */
export const SEED_COMMANDS = ['service network restart', 'yum install libreswan', 'service ipsec start', 'ipsec verify', 'chkconfig ipsec on'];
