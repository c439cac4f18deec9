/*
 * LD_PRELOAD shim for Debian's user-mode-linux 6.1 (linux.uml) on hosts whose XSAVE area is larger
 * than the 832-byte `struct _xstate` UML was built with (any AVX-512 or AMX CPU).
 *
 * UML saves/restores each guest thread's FPU state with PTRACE_GETREGSET/SETREGSET(NT_X86_XSTATE)
 * using an 832-byte buffer. The host kernel accepts a short GET but rejects a SET whose length is not
 * the full user XSAVE size (-EFAULT): UML then dies with "userspace - ptrace set fp regs failed,
 * errno = 14". On CPUs without AVX-512 the sizes match and this shim changes nothing.
 *
 * Here a short GET also stores the full host state in a side slot keyed by UML's buffer address (one
 * per guest thread), and a short SET writes the full state back with UML's 832 bytes (x87/SSE, header
 * bits 0-2, AVX upper halves) laid over it. Without a slot the current host state is used as the base.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>

#ifndef NT_X86_XSTATE
#define NT_X86_XSTATE 0x202
#endif
#define FULL_MAX 16384
#define SLOTS 1024
#define HDR_OFF 512

typedef long (*ptrace_fn)(int, pid_t, void *, void *);
static ptrace_fn real_ptrace;
static struct slot { void *key; size_t len; unsigned char buf[FULL_MAX]; } slots[SLOTS];
static unsigned char scratch[FULL_MAX];

static struct slot *find_slot(void *key, int create) {
  size_t h = ((uintptr_t)key >> 4) % SLOTS;
  for (size_t i = 0; i < SLOTS; i++) {
    struct slot *s = &slots[(h + i) % SLOTS];
    if (s->key == key) return s;
    if (s->key == NULL) {
      if (!create) return NULL;
      s->key = key;
      return s;
    }
  }
  return NULL; /* table full: fall back to the current host state */
}

long ptrace(enum __ptrace_request req, ...) {
  va_list ap;
  va_start(ap, req);
  pid_t pid = va_arg(ap, pid_t);
  void *addr = va_arg(ap, void *);
  void *data = va_arg(ap, void *);
  va_end(ap);
  if (!real_ptrace) real_ptrace = (ptrace_fn)dlsym(RTLD_NEXT, "ptrace");

  if ((req == PTRACE_GETREGSET || req == PTRACE_SETREGSET) && (uintptr_t)addr == NT_X86_XSTATE && data) {
    struct iovec *iov = data;
    size_t short_len = iov->iov_len;
    if (short_len < HDR_OFF + 64 || short_len >= FULL_MAX) return real_ptrace(req, pid, addr, data);
    if (req == PTRACE_GETREGSET) {
      struct slot *s = find_slot(iov->iov_base, 1);
      unsigned char *full = s ? s->buf : scratch;
      struct iovec fiov = { full, FULL_MAX };
      long r = real_ptrace(PTRACE_GETREGSET, pid, addr, &fiov);
      if (r < 0) return r;
      if (s) s->len = fiov.iov_len;
      memcpy(iov->iov_base, full, fiov.iov_len < short_len ? fiov.iov_len : short_len);
      iov->iov_len = fiov.iov_len < short_len ? fiov.iov_len : short_len;
      return 0;
    }
    /* SET: base = the thread's full state saved at its last GET, else the current host state */
    struct slot *s = find_slot(iov->iov_base, 0);
    unsigned char *full;
    size_t len;
    if (s && s->len > short_len) {
      full = s->buf;
      len = s->len;
    } else {
      struct iovec fiov = { scratch, FULL_MAX };
      long r = real_ptrace(PTRACE_GETREGSET, pid, addr, &fiov);
      if (r < 0) return r;
      if (fiov.iov_len <= short_len) return real_ptrace(req, pid, addr, data); /* sizes match */
      full = scratch;
      len = fiov.iov_len;
    }
    uint64_t host_bv, uml_bv;
    memcpy(&host_bv, full + HDR_OFF, 8);
    memcpy(&uml_bv, (unsigned char *)iov->iov_base + HDR_OFF, 8);
    memcpy(full, iov->iov_base, HDR_OFF);                                   /* x87 + SSE */
    memcpy(full + HDR_OFF + 64, (unsigned char *)iov->iov_base + HDR_OFF + 64,
           short_len - HDR_OFF - 64);                                       /* AVX upper halves */
    host_bv = (host_bv & ~(uint64_t)7) | (uml_bv & 7);
    memcpy(full + HDR_OFF, &host_bv, 8);
    struct iovec siov = { full, len };
    return real_ptrace(PTRACE_SETREGSET, pid, addr, &siov);
  }
  return real_ptrace(req, pid, addr, data);
}
