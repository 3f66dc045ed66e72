/**
 * The numbers of `wasi_snapshot_preview1`: errno codes, file types, flag
 * words, rights bits, clock ids and the byte layouts of the structures the
 * guest passes through memory.
 *
 * Values and layouts are those of the preview1 witx (WebAssembly/WASI,
 * `legacy/preview1/witx/typenames.witx`, "wasi_snapshot_preview1"). This file
 * holds data only; no logic beyond the name table derived from `Errno`.
 *
 * Rights fit in 30 bits, so they are kept as plain numbers inside the host and
 * converted to BigInt only at the ABI boundary (`fd_fdstat_get`, `path_open`).
 */

/** `errno`: every syscall returns one of these (0 = success). Names are POSIX's without the `E`. */
export const Errno = {
  SUCCESS: 0, '2BIG': 1, ACCES: 2, ADDRINUSE: 3, ADDRNOTAVAIL: 4, AFNOSUPPORT: 5, AGAIN: 6, ALREADY: 7,
  BADF: 8, BADMSG: 9, BUSY: 10, CANCELED: 11, CHILD: 12, CONNABORTED: 13, CONNREFUSED: 14, CONNRESET: 15,
  DEADLK: 16, DESTADDRREQ: 17, DOM: 18, DQUOT: 19, EXIST: 20, FAULT: 21, FBIG: 22, HOSTUNREACH: 23,
  IDRM: 24, ILSEQ: 25, INPROGRESS: 26, INTR: 27, INVAL: 28, IO: 29, ISCONN: 30, ISDIR: 31,
  LOOP: 32, MFILE: 33, MLINK: 34, MSGSIZE: 35, MULTIHOP: 36, NAMETOOLONG: 37, NETDOWN: 38, NETRESET: 39,
  NETUNREACH: 40, NFILE: 41, NOBUFS: 42, NODEV: 43, NOENT: 44, NOEXEC: 45, NOLCK: 46, NOLINK: 47,
  NOMEM: 48, NOMSG: 49, NOPROTOOPT: 50, NOSPC: 51, NOSYS: 52, NOTCONN: 53, NOTDIR: 54, NOTEMPTY: 55,
  NOTRECOVERABLE: 56, NOTSOCK: 57, NOTSUP: 58, NOTTY: 59, NXIO: 60, OVERFLOW: 61, OWNERDEAD: 62, PERM: 63,
  PIPE: 64, PROTO: 65, PROTONOSUPPORT: 66, PROTOTYPE: 67, RANGE: 68, ROFS: 69, SPIPE: 70, SRCH: 71,
  STALE: 72, TIMEDOUT: 73, TXTBSY: 74, XDEV: 75, NOTCAPABLE: 76,
} as const;
/** One errno value. */
export type Errno = (typeof Errno)[keyof typeof Errno];

/** `E`-prefixed POSIX name of each errno value (`errnoName(44) === 'ENOENT'`), for messages and tests. */
export function errnoName(code: number): string {
  for (const [name, value] of Object.entries(Errno)) if (value === code) return name === 'SUCCESS' ? name : `E${name}`;
  return `errno ${code}`;
}

/** `filetype`. */
export const enum Filetype {
  UNKNOWN = 0, BLOCK_DEVICE = 1, CHARACTER_DEVICE = 2, DIRECTORY = 3, REGULAR_FILE = 4,
  SOCKET_DGRAM = 5, SOCKET_STREAM = 6, SYMBOLIC_LINK = 7,
}

/** `oflags` of `path_open`. */
export const enum Oflags { CREAT = 1, DIRECTORY = 2, EXCL = 4, TRUNC = 8 }
/** `fdflags`. */
export const enum Fdflags { APPEND = 1, DSYNC = 2, NONBLOCK = 4, RSYNC = 8, SYNC = 16 }
/** `lookupflags`. */
export const LOOKUP_SYMLINK_FOLLOW = 1;
/** `whence` of `fd_seek`. */
export const enum Whence { SET = 0, CUR = 1, END = 2 }
/** `fstflags` of the `*_set_times` calls. */
export const enum Fstflags { ATIM = 1, ATIM_NOW = 2, MTIM = 4, MTIM_NOW = 8 }
/** `clockid`. */
export const enum ClockId { REALTIME = 0, MONOTONIC = 1, PROCESS_CPUTIME = 2, THREAD_CPUTIME = 3 }
/** `eventtype` of `poll_oneoff`. */
export const enum EventType { CLOCK = 0, FD_READ = 1, FD_WRITE = 2 }
/** `subclockflags`. */
export const SUBCLOCK_ABSTIME = 1;
/** `preopentype`. */
export const PREOPENTYPE_DIR = 0;
/** Highest `advice` value (`noreuse`). */
export const ADVICE_MAX = 5;

/** `rights`: one bit per operation a descriptor may perform. */
export const enum Rights {
  FD_DATASYNC = 1 << 0, FD_READ = 1 << 1, FD_SEEK = 1 << 2, FD_FDSTAT_SET_FLAGS = 1 << 3,
  FD_SYNC = 1 << 4, FD_TELL = 1 << 5, FD_WRITE = 1 << 6, FD_ADVISE = 1 << 7, FD_ALLOCATE = 1 << 8,
  PATH_CREATE_DIRECTORY = 1 << 9, PATH_CREATE_FILE = 1 << 10, PATH_LINK_SOURCE = 1 << 11,
  PATH_LINK_TARGET = 1 << 12, PATH_OPEN = 1 << 13, FD_READDIR = 1 << 14, PATH_READLINK = 1 << 15,
  PATH_RENAME_SOURCE = 1 << 16, PATH_RENAME_TARGET = 1 << 17, PATH_FILESTAT_GET = 1 << 18,
  PATH_FILESTAT_SET_SIZE = 1 << 19, PATH_FILESTAT_SET_TIMES = 1 << 20, FD_FILESTAT_GET = 1 << 21,
  FD_FILESTAT_SET_SIZE = 1 << 22, FD_FILESTAT_SET_TIMES = 1 << 23, PATH_SYMLINK = 1 << 24,
  PATH_REMOVE_DIRECTORY = 1 << 25, PATH_UNLINK_FILE = 1 << 26, POLL_FD_READWRITE = 1 << 27,
  SOCK_SHUTDOWN = 1 << 28, SOCK_ACCEPT = 1 << 29,
}
/** Every defined right. */
export const RIGHTS_ALL = (1 << 30) - 1;

/** Byte sizes and field offsets of the structures in guest memory (all little-endian). */
export const Layout = {
  /** `iovec`/`ciovec`: buf u32 @0, len u32 @4. */
  IOVEC_SIZE: 8,
  /** `filestat`: dev @0, ino @8, filetype u8 @16, nlink @24, size @32, atim @40, mtim @48, ctim @56. */
  FILESTAT_SIZE: 64,
  /** `fdstat`: filetype u8 @0, flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16. */
  FDSTAT_SIZE: 24,
  /** `prestat`: tag u8 @0, dir name length u32 @4. */
  PRESTAT_SIZE: 8,
  /** `dirent` header: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20; the name follows. */
  DIRENT_SIZE: 24,
  /** `subscription`: userdata u64 @0, tag u8 @8, then clock {id u32 @16, timeout u64 @24, precision @32, flags u16 @40} or fd u32 @16. */
  SUBSCRIPTION_SIZE: 48,
  /** `event`: userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24. */
  EVENT_SIZE: 32,
} as const;
