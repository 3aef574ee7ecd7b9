#if canImport(Glibc)
  import Glibc
#endif

/// The process's limit on open files, which every socket counts against.
package enum OpenFileLimit {
  /// Raises the soft limit on open files toward `count` (never above the hard limit): the
  /// common default of 1,024 would refuse sockets to a run at a concurrency of a few thousand.
  package static func raise(toward count: Int) {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(count) else { return }
    limit.rlim_cur = min(limit.rlim_max, rlim_t(count))
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
  }
}
