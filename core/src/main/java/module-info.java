/**
 * gen4j's runtime: Python's generators and coroutines ({@link dev.gen4j}) and the scheduler that
 * runs generators as tasks on one thread ({@link dev.gen4j.sched}). {@link dev.gen4j.runtime} is
 * what instrumented code calls, exported for it alone: it is not an API.
 */
module dev.gen4j {
    exports dev.gen4j;
    exports dev.gen4j.sched;
    exports dev.gen4j.runtime;
}
