import CTLSShim

/// OpenSSL 3, found at run time: `libssl.so.3` is on every machine where FoundationNetworking
/// runs (libcurl links it), but its headers are not, so it is opened with `dlopen` rather than
/// linked. Loaded once, on first use.
package enum TLSLibrary {
  /// Nil once loaded; otherwise why it could not be (`dlerror`'s text, or the missing function).
  package static let loadProblem: String? = {
    var buffer = [CChar](repeating: 0, count: 512)
    return airtls_load(&buffer, buffer.count) == 1 ? nil : TLSContext.text(buffer)
  }()

  package static var isAvailable: Bool { loadProblem == nil }
}
