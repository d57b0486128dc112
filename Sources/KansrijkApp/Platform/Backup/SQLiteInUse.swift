#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// Whether another process has an SQLite file open. Every connection to a database in WAL mode
/// holds a shared lock on one byte of its `-shm` file (SQLite's "dead man switch", byte 128 in
/// os_unix.c) for as long as it is open; a serving Kansrijk keeps its connections open. POSIX
/// `F_GETLK` reports a lock another process holds there.
enum SQLiteInUse {
    static let deadManSwitchByte: Int = 128

    static func byAnotherProcess(_ databasePath: String) -> Bool {
        let shm = databasePath + "-shm"
        var fd = open(shm, O_RDWR)
        if fd < 0 { fd = open(shm, O_RDONLY) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(deadManSwitchByte)
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }
}
