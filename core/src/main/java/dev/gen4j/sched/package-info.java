/**
 * Generators as tasks on one thread, after David Beazley's "pyos": a {@link
 * dev.gen4j.sched.Scheduler} runs many {@code Gen}s in turn, and what a task yields says what it
 * waits for: its turn ({@code Yield.now()}), a channel ({@link dev.gen4j.sched.Io}), a system call
 * ({@link dev.gen4j.sched.Sys}), a message ({@link dev.gen4j.sched.Mailbox}), or a
 * {@code CompletionStage} / {@code Future}.
 * {@link dev.gen4j.sched.Net} holds the socket helpers that tasks call with {@code Yield.from}.
 */
package dev.gen4j.sched;
