// OpenSSL 3, loaded at run time: the few calls the socket transport and the receiver need,
// declared here by hand, so that building needs no OpenSSL headers (a plain Swift install has
// libssl.so.3, which FoundationNetworking links, but not libssl-dev). Every pointer is opaque.
#ifndef CTLSSHIM_H
#define CTLSSHIM_H
#include <stddef.h>
#include <stdint.h>

typedef struct airtls_ctx airtls_ctx;          // SSL_CTX
typedef struct airtls_ssl airtls_ssl;          // SSL
typedef struct airtls_session airtls_session;  // SSL_SESSION

/// SSL_get_error's answers that the callers tell apart.
enum {
  AIRTLS_ERROR_NONE = 0,
  AIRTLS_ERROR_SSL = 1,
  AIRTLS_ERROR_WANT_READ = 2,
  AIRTLS_ERROR_WANT_WRITE = 3,
  AIRTLS_ERROR_SYSCALL = 5,
  AIRTLS_ERROR_ZERO_RETURN = 6,
};

/// dlopen libssl.so.3 and libcrypto.so.3 (or $AIRUDDER_SIM_LIBSSL, for tests) and look up
/// every function; 1 on success, else 0 with the reason in `error`. Call once.
int airtls_load(char *error, size_t error_size);

/// A context for clients (`server` 0) or servers: TLS 1.2 at least, partial writes from a
/// moving buffer (non-blocking writes resume where they stopped), an end of stream without
/// close_notify read as an end of stream (HTTP's framing says whether the answer was whole),
/// ALPN http/1.1. NULL on failure (see airtls_error_text).
airtls_ctx *airtls_ctx_new(int server);
void airtls_ctx_free(airtls_ctx *ctx);
/// The system trust store (on Debian, /etc/ssl/certs). 1 on success.
int airtls_ctx_use_system_trust(airtls_ctx *ctx);
/// Trusts the certificates of a PEM file. 1 on success.
int airtls_ctx_trust_file(airtls_ctx *ctx, const char *path);
/// `verify` 0: no verification (--insecure); 1: the peer's certificate must verify; 2: and the
/// peer must present one (a server asking for client certificates).
void airtls_ctx_set_verify(airtls_ctx *ctx, int verify);
/// A certificate chain and its private key, both PEM; 1 when both load and match, else 0, 2
/// when the chain loads but the key does not, 3 when they do not match.
int airtls_ctx_use_certificate(airtls_ctx *ctx, const char *chain_path, const char *key_path);

/// A connection's TLS on a connected non-blocking socket; the socket stays the caller's.
airtls_ssl *airtls_ssl_new(airtls_ctx *ctx, int fd, int server);
void airtls_ssl_free(airtls_ssl *ssl);
/// The host to verify the certificate against and, unless it is an IP address, to send as SNI.
/// `verify` 0 sends SNI only. 1 on success.
int airtls_ssl_set_host(airtls_ssl *ssl, const char *host, int is_ip_address, int verify);
/// Offers a session for resumption (a new reference is taken).
int airtls_ssl_set_session(airtls_ssl *ssl, airtls_session *session);
/// The connection's session, referenced, if it can be resumed; else NULL.
airtls_session *airtls_ssl_resumable_session(airtls_ssl *ssl);
void airtls_session_free(airtls_session *session);
int airtls_ssl_session_reused(airtls_ssl *ssl);
/// The handshake settled on TLS 1.3 (where the server's verdict on a client certificate
/// comes after the client's handshake is done).
int airtls_ssl_is_tls13(airtls_ssl *ssl);
/// Whether ALPN settled on http/1.1.
int airtls_ssl_alpn_is_http11(airtls_ssl *ssl);

/// SSL_do_handshake, SSL_read, SSL_write, SSL_shutdown: the result, and the SSL_get_error
/// class of it in *error (AIRTLS_ERROR_*). The thread's error queue is cleared first.
int airtls_handshake(airtls_ssl *ssl, int *error);
int airtls_read(airtls_ssl *ssl, void *buffer, int count, int *error);
int airtls_write(airtls_ssl *ssl, const void *buffer, int count, int *error);
void airtls_shutdown(airtls_ssl *ssl);
/// Bytes read from the socket but not yet returned by airtls_read.
int airtls_has_pending(airtls_ssl *ssl);

/// SSL_get_verify_result, and X509_verify_cert_error_string of it.
long airtls_verify_result(airtls_ssl *ssl);
const char *airtls_verify_text(long result);
/// The oldest error of the thread's queue as text ("sslv3 alert bad certificate"), emptying
/// the queue; 0 when it was empty.
unsigned long airtls_error_text(char *buffer, size_t size);
#endif
