#!/bin/sh
# PID 1 of the UML guest. The root is the host's / over hostfs, mounted read-only.
# Builds an overlay root (host / + the unpacked daemon trees + a tmpfs upper layer), chroots into it
# and runs guest/main.sh. All guest writes go to tmpfs, except lab/out (hostfs, read-write).
PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH
BB=/bin/busybox
fail() { echo "GUEST-INIT-FAILED: $*"; $BB poweroff -f; }
$BB mount -t proc proc /proc
# scratch space on /run (not /tmp: the lab itself may live under the host's /tmp)
S=/run
$BB mount -t tmpfs -o mode=755 tmpfs $S || fail "tmpfs"
KVER=$($BB uname -r)
MODDIR=/usr/lib/uml/modules/$KVER
$BB insmod $MODDIR/kernel/fs/overlayfs/overlay.ko || fail "insmod overlay"
$BB mkdir -p $S/upper $S/work $S/root $S/l/modroot $S/l/libreswan $S/l/strongswan
C=$LAB/.cache
# each extra layer is its own hostfs mount: overlayfs refuses lower layers nested in one another
for t in modroot libreswan strongswan; do
  $BB mount -t hostfs -o ro,"$C/$t" none $S/l/$t || fail "hostfs mount of $t"
done
$BB mount -t overlay overlay -o "lowerdir=$S/l/modroot:$S/l/libreswan:$S/l/strongswan:/,upperdir=$S/upper,workdir=$S/work" $S/root || fail "overlay mount"
R=$S/root
$BB mount -t proc proc $R/proc
$BB mount -t sysfs sysfs $R/sys
$BB mount -t devtmpfs devtmpfs $R/dev 2>/dev/null || $BB mount -t tmpfs tmpfs $R/dev
$BB mount -t tmpfs -o mode=755 tmpfs $R/run
$BB mount -t hostfs -o "$LAB/out" none "$R$LAB/out" || fail "hostfs mount of lab/out"
# make the overlay the root of every task (kernel threads included, so that the kernel's module
# helper finds /usr/sbin/modprobe and the UML modules); the old root stays mounted at /.oldroot
$BB mkdir -p $R/.oldroot
cd $R || fail "cd $R"
$BB pivot_root . .oldroot || fail "pivot_root"
cd /
echo /usr/sbin/modprobe >/proc/sys/kernel/modprobe
/bin/sh "$LAB/guest/main.sh"
$BB sync
$BB poweroff -f
