package dev.gen4j.samples.pyos;

import dev.gen4j.sched.Scheduler;

/**
 * {@code --clients N}: ends the run of an echo server once N clients have been closed, so that a
 * run can be bounded; the seed's servers run until they are killed. N = 0 means no limit.
 */
final class ClientLimit {
    private final Scheduler scheduler;
    private final long limit;
    private long closed;

    ClientLimit(Scheduler scheduler, long limit) {
        this.scheduler = scheduler;
        this.limit = limit;
    }

    /** Called by a client's task when it has closed its client; the run ends after this turn. */
    void clientClosed() {
        closed++;
        if (closed == limit) {
            scheduler.stop();
        }
    }
}
