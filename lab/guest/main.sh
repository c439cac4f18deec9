#!/bin/sh
# Runs inside the guest (chrooted in the overlay root). Loads the kernel modules the lab needs and
# hands over to guest/lab.py with the scenario list the host wrote.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin; export PATH
RUN="${LABRUN:-$LAB/out/.run}"
for m in ipv6 af_packet xfrm_algo xfrm_user esp4 esp6 authenc authencesn echainiv seqiv veth dummy \
         hmac cbc ecb ctr gcm ghash-generic sha512_generic des_generic xcbc cmac drbg jitterentropy_rng \
         ip_tables ip6_tables iptable_filter iptable_mangle ip6table_filter xt_policy xt_tcpudp xt_TCPMSS xt_tcpmss \
         nf_tables nft_xfrm; do
  modprobe "$m" 2>>"$RUN/modprobe.log" || echo "modprobe $m failed" >>"$RUN/modprobe.log"
done
ip link set lo up
# glibc must not keep live state in AVX-512 registers across UML thread switches (see uml-xstate-shim.c)
GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD,-AVX512ER,-AVX512PF; export GLIBC_TUNABLES
python3 "$LAB/guest/lab.py" "$RUN/scenarios.list" "$RUN/results.txt" >"$RUN/lab.log" 2>&1
echo $? >"$RUN/guest.rc"
cp /run/modprobe-calls.log "$RUN/" 2>/dev/null
