#!/usr/bin/env python3
"""Writes a gzip'd newc cpio archive of a folder (the QEMU guest's initramfs): mkcpio.py DIR OUT.gz.
Debian 12 has no cpio binary by default and busybox-static is built without `cpio -o`."""
import gzip
import os
import stat
import sys


def entries(root):
    yield "."
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for n in sorted(dirs) + sorted(files):
            yield os.path.relpath(os.path.join(d, n), root)


def header(ino, st, name, size):
    fields = [ino, st.st_mode, 0, 0, st.st_nlink if stat.S_ISDIR(st.st_mode) else 1, 0, size, 0, 0, 0, 0,
              len(name) + 1, 0]
    return b"070701" + b"".join(f"{x:08x}".encode() for x in fields)


def pad(n):
    return b"\0" * ((4 - n % 4) % 4)


def main(root, out):
    with gzip.open(out, "wb", compresslevel=1) as f:
        for ino, rel in enumerate(entries(root), 1):
            p = os.path.join(root, rel)
            st = os.lstat(p)
            data = b""
            if stat.S_ISREG(st.st_mode):
                data = open(p, "rb").read()
            elif stat.S_ISLNK(st.st_mode):
                data = os.readlink(p).encode()
            name = rel.encode()
            h = header(ino, st, name, len(data)) + name + b"\0"
            f.write(h + pad(len(h)) + data + pad(len(data)))
        trailer = b"070701" + b"".join(f"{x:08x}".encode() for x in [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 11, 0]) + b"TRAILER!!!\0"
        f.write(trailer + pad(len(trailer)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
