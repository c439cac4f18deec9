#!/bin/busybox sh
# /init of the QEMU guest's initramfs (built by lab/qemu-setup.sh). Debian's own kernel (it has
# NF_TABLES_INET, which Debian's UML kernel lacks). Same root as the UML guest: an overlay of the host's /
# (9p, read-only), the daemon trees and the kernel's modules (each its own 9p share: overlayfs refuses
# nested lower layers), a tmpfs on top; only lab/out (9p, read-write) reaches the host.
BB=/bin/busybox
fail() { echo "GUEST-INIT-FAILED: $*"; $BB poweroff -f; }
$BB mkdir -p /proc /sys /dev /l/host /l/modroot /l/libreswan /l/strongswan /l/rw /r
$BB mount -t proc proc /proc
$BB mount -t devtmpfs devtmpfs /dev
for m in virtio_pci 9pnet_virtio 9p overlay; do $BB modprobe "$m" || fail "modprobe $m"; done
O=trans=virtio,version=9p2000.L,msize=524288,cache=loose
for t in host modroot libreswan strongswan; do
  $BB mount -t 9p -o "$O,ro" "$t" "/l/$t" || fail "9p mount of $t"
done
$BB mount -t tmpfs -o mode=755 tmpfs /l/rw || fail tmpfs
$BB mkdir -p /l/rw/upper /l/rw/work
$BB mount -t overlay overlay -o "lowerdir=/l/modroot:/l/libreswan:/l/strongswan:/l/host,upperdir=/l/rw/upper,workdir=/l/rw/work" /r \
  || fail "overlay mount"
$BB mount -t 9p -o trans=virtio,version=9p2000.L,msize=524288 labout "/r$LAB/out" || fail "9p mount of lab/out"
echo /usr/sbin/modprobe >/proc/sys/kernel/modprobe
# proc, sys and dev again after the switch: the host's own /proc, seen through the 9p share, must not
# show through (iproute2 needs this kernel's /proc/self/ns/net)
exec $BB switch_root /r /bin/sh -c "/bin/busybox mount -t proc proc /proc; /bin/busybox mount -t sysfs sysfs /sys; \
  /bin/busybox mount -t devtmpfs devtmpfs /dev; /bin/busybox mount -t tmpfs -o mode=755 tmpfs /run; \
  ls -l /proc/self/ns/net >/dev/console 2>&1; /bin/sh '$LAB/guest/main.sh'; /bin/busybox sync; /bin/busybox poweroff -f"
