// OpenSSL 3 through dlopen/dlsym: function pointers filled once by airtls_load, and thin
// wrappers that the Swift side calls. Macros of OpenSSL's headers appear as the calls they
// expand to, with their constants' values (from OpenSSL 3.0's ssl.h, tls1.h, prov_ssl.h).
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "CTLSShim.h"

// Constants of OpenSSL 3's headers.
#define SSL_CTRL_MODE 33
#define SSL_MODE_ENABLE_PARTIAL_WRITE 0x1L
#define SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER 0x2L
#define SSL_CTRL_SET_TLSEXT_HOSTNAME 55
#define TLSEXT_NAMETYPE_host_name 0
#define SSL_CTRL_SET_MIN_PROTO_VERSION 123
#define TLS1_2_VERSION 0x0303
#define SSL_OP_IGNORE_UNEXPECTED_EOF ((uint64_t)1 << 7)
#define SSL_FILETYPE_PEM 1
#define SSL_VERIFY_NONE 0
#define SSL_VERIFY_PEER 1
#define SSL_VERIFY_FAIL_IF_NO_PEER_CERT 2
#define SSL_TLSEXT_ERR_OK 0
#define SSL_TLSEXT_ERR_NOACK 3
#define OPENSSL_NPN_NEGOTIATED 1
#define X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS 0x4

typedef void method_t;
typedef void verify_param_t;
typedef int (*alpn_select_cb_t)(airtls_ssl *, const unsigned char **, unsigned char *, const unsigned char *, unsigned int,
                                void *);

#define FUNCTIONS(X) \
  X(ssl, const method_t *, TLS_client_method, (void)) \
  X(ssl, const method_t *, TLS_server_method, (void)) \
  X(ssl, airtls_ctx *, SSL_CTX_new, (const method_t *)) \
  X(ssl, void, SSL_CTX_free, (airtls_ctx *)) \
  X(ssl, long, SSL_CTX_ctrl, (airtls_ctx *, int, long, void *)) \
  X(ssl, uint64_t, SSL_CTX_set_options, (airtls_ctx *, uint64_t)) \
  X(ssl, int, SSL_CTX_set_default_verify_paths, (airtls_ctx *)) \
  X(ssl, int, SSL_CTX_load_verify_locations, (airtls_ctx *, const char *, const char *)) \
  X(ssl, void, SSL_CTX_set_verify, (airtls_ctx *, int, void *)) \
  X(ssl, int, SSL_CTX_use_certificate_chain_file, (airtls_ctx *, const char *)) \
  X(ssl, int, SSL_CTX_use_PrivateKey_file, (airtls_ctx *, const char *, int)) \
  X(ssl, int, SSL_CTX_check_private_key, (const airtls_ctx *)) \
  X(ssl, int, SSL_CTX_set_alpn_protos, (airtls_ctx *, const unsigned char *, unsigned int)) \
  X(ssl, void, SSL_CTX_set_alpn_select_cb, (airtls_ctx *, alpn_select_cb_t, void *)) \
  X(ssl, int, SSL_CTX_set_session_id_context, (airtls_ctx *, const unsigned char *, unsigned int)) \
  X(ssl, int, SSL_select_next_proto, \
    (unsigned char **, unsigned char *, const unsigned char *, unsigned int, const unsigned char *, unsigned int)) \
  X(ssl, airtls_ssl *, SSL_new, (airtls_ctx *)) \
  X(ssl, void, SSL_free, (airtls_ssl *)) \
  X(ssl, int, SSL_set_fd, (airtls_ssl *, int)) \
  X(ssl, void, SSL_set_connect_state, (airtls_ssl *)) \
  X(ssl, void, SSL_set_accept_state, (airtls_ssl *)) \
  X(ssl, long, SSL_ctrl, (airtls_ssl *, int, long, void *)) \
  X(ssl, int, SSL_set1_host, (airtls_ssl *, const char *)) \
  X(ssl, void, SSL_set_hostflags, (airtls_ssl *, unsigned int)) \
  X(ssl, verify_param_t *, SSL_get0_param, (airtls_ssl *)) \
  X(ssl, int, SSL_set_session, (airtls_ssl *, airtls_session *)) \
  X(ssl, airtls_session *, SSL_get1_session, (airtls_ssl *)) \
  X(ssl, int, SSL_SESSION_is_resumable, (const airtls_session *)) \
  X(ssl, void, SSL_SESSION_free, (airtls_session *)) \
  X(ssl, airtls_session *, SSL_SESSION_dup, (const airtls_session *)) \
  X(ssl, int, SSL_session_reused, (const airtls_ssl *)) \
  X(ssl, int, SSL_version, (const airtls_ssl *)) \
  X(ssl, void, SSL_get0_alpn_selected, (const airtls_ssl *, const unsigned char **, unsigned int *)) \
  X(ssl, int, SSL_do_handshake, (airtls_ssl *)) \
  X(ssl, int, SSL_read, (airtls_ssl *, void *, int)) \
  X(ssl, int, SSL_write, (airtls_ssl *, const void *, int)) \
  X(ssl, int, SSL_shutdown, (airtls_ssl *)) \
  X(ssl, int, SSL_get_error, (const airtls_ssl *, int)) \
  X(ssl, int, SSL_has_pending, (const airtls_ssl *)) \
  X(ssl, long, SSL_get_verify_result, (const airtls_ssl *)) \
  X(crypto, int, X509_VERIFY_PARAM_set1_ip_asc, (verify_param_t *, const char *)) \
  X(crypto, const char *, X509_verify_cert_error_string, (long)) \
  X(crypto, unsigned long, ERR_get_error, (void)) \
  X(crypto, void, ERR_clear_error, (void)) \
  X(crypto, const char *, ERR_reason_error_string, (unsigned long)) \
  X(crypto, void, ERR_error_string_n, (unsigned long, char *, size_t))

#define DECLARE(library, result, name, parameters) static result(*p_##name) parameters;
FUNCTIONS(DECLARE)

int airtls_load(char *error, size_t error_size) {
  const char *ssl_name = getenv("AIRUDDER_SIM_LIBSSL");
  if (ssl_name == NULL || ssl_name[0] == 0) ssl_name = "libssl.so.3";
  void *ssl = dlopen(ssl_name, RTLD_NOW | RTLD_LOCAL);
  if (ssl == NULL) {
    snprintf(error, error_size, "%s", dlerror());
    return 0;
  }
  // libssl.so.3 brings libcrypto.so.3 with it; this finds the one it loaded.
  void *crypto = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
  if (crypto == NULL) {
    snprintf(error, error_size, "%s", dlerror());
    return 0;
  }
#define RESOLVE(library, result, name, parameters) \
  p_##name = (result(*) parameters)dlsym(library, #name); \
  if (p_##name == NULL) { \
    snprintf(error, error_size, "%s has no %s (OpenSSL 3 is needed)", library == ssl ? ssl_name : "libcrypto.so.3", #name); \
    return 0; \
  }
  FUNCTIONS(RESOLVE)
  return 1;
}

static const unsigned char alpn_http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};

/// The server's ALPN choice: http/1.1 when the client offers it, else no ALPN at all.
static int select_http11(airtls_ssl *ssl, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                         unsigned int inlen, void *arg) {
  (void)ssl;
  (void)arg;
  unsigned char *chosen = NULL;
  if (p_SSL_select_next_proto(&chosen, outlen, alpn_http11, sizeof alpn_http11, in, inlen) == OPENSSL_NPN_NEGOTIATED) {
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
  }
  return SSL_TLSEXT_ERR_NOACK;
}

airtls_ctx *airtls_ctx_new(int server) {
  p_ERR_clear_error();
  airtls_ctx *ctx = p_SSL_CTX_new(server ? p_TLS_server_method() : p_TLS_client_method());
  if (ctx == NULL) return NULL;
  // SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)
  p_SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, TLS1_2_VERSION, NULL);
  // SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER)
  p_SSL_CTX_ctrl(ctx, SSL_CTRL_MODE, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER, NULL);
  p_SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
  if (server) {
    p_SSL_CTX_set_alpn_select_cb(ctx, select_http11, NULL);
    // Needed for resumption once client certificates are verified.
    static const unsigned char context[] = "airudder-sim";
    p_SSL_CTX_set_session_id_context(ctx, context, sizeof context - 1);
  } else {
    // Returns 0 on success, unlike most of OpenSSL.
    if (p_SSL_CTX_set_alpn_protos(ctx, alpn_http11, sizeof alpn_http11) != 0) {
      p_SSL_CTX_free(ctx);
      return NULL;
    }
  }
  return ctx;
}

void airtls_ctx_free(airtls_ctx *ctx) { p_SSL_CTX_free(ctx); }

int airtls_ctx_use_system_trust(airtls_ctx *ctx) {
  p_ERR_clear_error();
  return p_SSL_CTX_set_default_verify_paths(ctx);
}

int airtls_ctx_trust_file(airtls_ctx *ctx, const char *path) {
  p_ERR_clear_error();
  return p_SSL_CTX_load_verify_locations(ctx, path, NULL);
}

void airtls_ctx_set_verify(airtls_ctx *ctx, int verify) {
  int mode = verify == 0 ? SSL_VERIFY_NONE : verify == 1 ? SSL_VERIFY_PEER : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  p_SSL_CTX_set_verify(ctx, mode, NULL);
}

int airtls_ctx_use_certificate(airtls_ctx *ctx, const char *chain_path, const char *key_path) {
  p_ERR_clear_error();
  if (p_SSL_CTX_use_certificate_chain_file(ctx, chain_path) != 1) return 0;
  if (p_SSL_CTX_use_PrivateKey_file(ctx, key_path, SSL_FILETYPE_PEM) != 1) return 2;
  if (p_SSL_CTX_check_private_key(ctx) != 1) return 3;
  return 1;
}

airtls_ssl *airtls_ssl_new(airtls_ctx *ctx, int fd, int server) {
  p_ERR_clear_error();
  airtls_ssl *ssl = p_SSL_new(ctx);
  if (ssl == NULL) return NULL;
  if (p_SSL_set_fd(ssl, fd) != 1) {
    p_SSL_free(ssl);
    return NULL;
  }
  if (server) {
    p_SSL_set_accept_state(ssl);
  } else {
    p_SSL_set_connect_state(ssl);
  }
  return ssl;
}

void airtls_ssl_free(airtls_ssl *ssl) { p_SSL_free(ssl); }

int airtls_ssl_set_host(airtls_ssl *ssl, const char *host, int is_ip_address, int verify) {
  p_ERR_clear_error();
  if (!is_ip_address) {
    // SSL_set_tlsext_host_name(ssl, host): SNI is for names only (RFC 6066).
    if (p_SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, (void *)host) != 1) return 0;
  }
  if (!verify) return 1;
  if (is_ip_address) return p_X509_VERIFY_PARAM_set1_ip_asc(p_SSL_get0_param(ssl), host);
  p_SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  return p_SSL_set1_host(ssl, host);
}

int airtls_ssl_set_session(airtls_ssl *ssl, airtls_session *session) { return p_SSL_set_session(ssl, session); }

airtls_session *airtls_ssl_resumable_session(airtls_ssl *ssl) {
  airtls_session *session = p_SSL_get1_session(ssl);
  if (session == NULL) return NULL;
  // A copy: freeing a connection that was not shut down with close_notify marks its own
  // session not resumable (SSL_free -> ssl_clear_bad_session), and connections here end
  // without one when they are closed as idle, time out or fail.
  airtls_session *copy = p_SSL_SESSION_is_resumable(session) ? p_SSL_SESSION_dup(session) : NULL;
  p_SSL_SESSION_free(session);
  return copy;
}

void airtls_session_free(airtls_session *session) { p_SSL_SESSION_free(session); }

int airtls_ssl_session_reused(airtls_ssl *ssl) { return p_SSL_session_reused(ssl); }

int airtls_ssl_is_tls13(airtls_ssl *ssl) { return p_SSL_version(ssl) >= 0x0304; }

int airtls_ssl_alpn_is_http11(airtls_ssl *ssl) {
  const unsigned char *data = NULL;
  unsigned int length = 0;
  p_SSL_get0_alpn_selected(ssl, &data, &length);
  return length == 8 && memcmp(data, "http/1.1", 8) == 0;
}

int airtls_handshake(airtls_ssl *ssl, int *error) {
  p_ERR_clear_error();
  int result = p_SSL_do_handshake(ssl);
  *error = result == 1 ? AIRTLS_ERROR_NONE : p_SSL_get_error(ssl, result);
  return result;
}

int airtls_read(airtls_ssl *ssl, void *buffer, int count, int *error) {
  p_ERR_clear_error();
  int result = p_SSL_read(ssl, buffer, count);
  *error = result > 0 ? AIRTLS_ERROR_NONE : p_SSL_get_error(ssl, result);
  return result;
}

int airtls_write(airtls_ssl *ssl, const void *buffer, int count, int *error) {
  p_ERR_clear_error();
  int result = p_SSL_write(ssl, buffer, count);
  *error = result > 0 ? AIRTLS_ERROR_NONE : p_SSL_get_error(ssl, result);
  return result;
}

void airtls_shutdown(airtls_ssl *ssl) {
  p_ERR_clear_error();
  (void)p_SSL_shutdown(ssl);
  p_ERR_clear_error();
}

int airtls_has_pending(airtls_ssl *ssl) { return p_SSL_has_pending(ssl); }

long airtls_verify_result(airtls_ssl *ssl) { return p_SSL_get_verify_result(ssl); }

const char *airtls_verify_text(long result) { return p_X509_verify_cert_error_string(result); }

unsigned long airtls_error_text(char *buffer, size_t size) {
  unsigned long code = p_ERR_get_error();
  if (size > 0) buffer[0] = 0;
  if (code == 0) return 0;
  const char *reason = p_ERR_reason_error_string(code);
  if (reason != NULL) {
    snprintf(buffer, size, "%s", reason);
  } else {
    p_ERR_error_string_n(code, buffer, size);
  }
  p_ERR_clear_error();
  return code;
}
