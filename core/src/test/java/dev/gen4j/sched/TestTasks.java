package dev.gen4j.sched;

import dev.gen4j.Gen;

/** Tasks for the tests of the scheduler's structures, which look only at a task's id and links. */
final class TestTasks {
    private TestTasks() {
    }

    /** A task {@code id} whose generator has already finished. */
    static Task task(long id) {
        return new Task(id, Gen.done());
    }
}
