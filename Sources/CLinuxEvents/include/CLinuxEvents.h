// The Linux event headers that the toolchain's Glibc module leaves out: epoll and eventfd,
// for the socket transport's event loop (Delivery/HTTPConnectionLoop.swift) and the receiver's
// (Receiver/HTTPServerLoop.swift).
#ifndef CLINUXEVENTS_H
#define CLINUXEVENTS_H
#include <sys/epoll.h>
#include <sys/eventfd.h>

/// accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC): a connection that is
/// non-blocking from the start, without a second call.
int clinux_accept_nonblocking(int listener);
#endif
