#!/bin/bash
# The QEMU guest (TCG, no KVM: /dev/kvm on this machine kind is a PVM hypervisor that stock kernels do
# not boot under). Idempotent. Downloads Debian's linux-image-amd64 kernel .deb (never installed), indexes
# its modules with busybox depmod, and builds a small initramfs: static busybox, the virtio/9p/overlay
# modules, guest/qemu-init.sh as /init. Prints the cache folder on success.
set -euo pipefail
LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$LAB/.cache"
Q="$CACHE/qemu-kernel"
if ! command -v qemu-system-x86_64 >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-upgrade qemu-system-x86 >"$CACHE/apt-qemu.log" 2>&1 \
    || { tail -5 "$CACHE/apt-qemu.log" >&2; echo "qemu-setup: apt-get install qemu-system-x86 failed" >&2; exit 1; }
fi
if [ ! -f "$Q/.done" ]; then
  pkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
  [ -n "$pkg" ] || { echo "qemu-setup: cannot resolve linux-image-amd64" >&2; exit 1; }
  rm -rf "$Q"; mkdir -p "$Q/debs" "$Q/tree"
  ( cd "$Q/debs" && apt-get download "$pkg" >"$Q/download.log" 2>&1 ) || { cat "$Q/download.log" >&2; exit 1; }
  dpkg -x "$Q"/debs/*.deb "$Q/tree"
  touch "$Q/.done"
fi
KVER=$(ls "$Q/tree/lib/modules" | sort -V | tail -1)
M="$Q/tree/lib/modules/$KVER"
[ -f "$M/modules.dep" ] || busybox depmod -b "$Q/tree" "$KVER"
# the guest's module tree next to UML's in the shared modroot layer (lab/setup.sh made the helper)
mkdir -p "$CACHE/modroot/usr/lib/modules"
ln -sfn "$M" "$CACHE/modroot/usr/lib/modules/$KVER"
INITRD="$Q/initrd-$KVER.cpio.gz"
if [ ! -f "$INITRD" ] || [ "$LAB/guest/qemu-init.sh" -nt "$INITRD" ]; then
  R=$(mktemp -d)
  mkdir -p "$R/bin" "$R/lib/modules/$KVER"
  cp /bin/busybox "$R/bin/busybox"
  cp "$LAB/guest/qemu-init.sh" "$R/init"; chmod 755 "$R/init"
  for m in virtio_pci 9pnet_virtio 9p overlay; do
    line=$(grep -E "/$m\.ko:" "$M/modules.dep")
    for f in ${line%%:*} ${line#*:}; do mkdir -p "$R/lib/modules/$KVER/$(dirname "$f")"; cp "$M/$f" "$R/lib/modules/$KVER/$f"; done
  done
  busybox depmod -b "$R" "$KVER"
  python3 "$LAB/mkcpio.py" "$R" "$INITRD"
  rm -rf "$R"
fi
echo "$Q/tree/boot/vmlinuz-$KVER $INITRD"
