/// The loop as a task executor: tasks that prefer it (the dispatcher's workers) run on the
/// loop thread between its epoll waits. A worker then generates, posts and takes its answer
/// on one thread: no hand-off to the loop and back per request (an eventfd write, a futex
/// wake of a pool thread, and two context switches), and no other thread to contend with for
/// the feed's lock. That is most of what a request costs the client beyond the socket calls.
extension HTTPConnectionLoop: TaskExecutor {
  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let onLoop = isLoopThread
    let wake: Bool? = inbox.withLock { inbox in
      if inbox.stopping { return nil }
      inbox.jobs.append(job)
      return Self.needsWakeup(&inbox, onLoop: onLoop)
    }
    guard let wake else {
      // The loop has ended: the task still runs, on the global executor.
      runElsewhere([job])
      return
    }
    if wake { signalWakeup() }
  }

  /// Runs jobs the loop took from its inbox, in order.
  func run(_ jobs: [UnownedJob]) {
    let executor = asUnownedTaskExecutor()
    for job in jobs { job.runSynchronously(on: executor) }
  }

  /// Hands jobs to the global executor, once the loop is gone or going.
  func runElsewhere(_ jobs: [UnownedJob]) {
    for job in jobs { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
  }
}
