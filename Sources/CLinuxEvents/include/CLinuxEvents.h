// The Linux event headers that the toolchain's Glibc module leaves out: epoll and eventfd,
// for the socket transport's event loop (Delivery/HTTPConnectionLoop.swift).
#ifndef CLINUXEVENTS_H
#define CLINUXEVENTS_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
