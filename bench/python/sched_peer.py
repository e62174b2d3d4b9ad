"""The scheduler benchmark's workloads on the seed's pyos8 scheduler (run by run-sched.sh, which
puts samples/src/test/python, where the seed's pyos8.py is kept, on PYTHONPATH).

Prints the same tab-separated RESULT lines as dev.gen4j.bench.sched.SchedBench. pyos8 has
tasks, system calls and I/O waits but no channel and no sleep: Put, Take and Sleep are added
here as system calls in the seed's own style (a SystemCall whose handle() reschedules the
task), and a timer task beside the seed's iotask wakes the sleepers. pyos8's mainloop runs as
long as any task exists, and its iotask never ends, so the last workload task leaves the loop
by raising Finished. The seed prints a line per ended task; here that print goes nowhere.

Usage: python3 sched_peer.py [--scale N]  (every size divided by N, default 10)
"""
import collections
import gc
import heapq
import sys
import time
import tracemalloc

import pyos8
from pyos8 import Scheduler, SystemCall

pyos8.print = lambda *args, **kwargs: None

MASK = (1 << 64) - 1
PEER = "python-pyos8"


class Finished(Exception):
    """Raised by the last workload task: ends pyos8's mainloop."""


class Countdown:
    """Counts the workload tasks still running; the last one to end raises Finished."""

    def __init__(self, n):
        self.n = n

    def done(self):
        self.n -= 1
        if self.n == 0:
            raise Finished()


def run(sched):
    try:
        sched.mainloop()
    except Finished:
        pass


# ---- Channels and sleeps as pyos system calls ------------------------------------------

class Channel:
    def __init__(self, capacity):
        self.capacity = capacity
        self.messages = collections.deque()
        self.takers = collections.deque()
        self.putters = collections.deque()  # (task, message)


class Put(SystemCall):
    def __init__(self, channel, message):
        self.channel = channel
        self.message = message

    def handle(self):
        ch, task, sched = self.channel, self.task, self.sched
        if ch.takers:
            taker = ch.takers.popleft()
            taker.sendval = self.message
            sched.schedule(taker)
            task.sendval = None
            sched.schedule(task)
        elif len(ch.messages) < ch.capacity:
            ch.messages.append(self.message)
            task.sendval = None
            sched.schedule(task)
        else:
            ch.putters.append((task, self.message))


class Take(SystemCall):
    def __init__(self, channel):
        self.channel = channel

    def handle(self):
        ch, task, sched = self.channel, self.task, self.sched
        if ch.messages:
            task.sendval = ch.messages.popleft()
            if ch.putters:
                putter, message = ch.putters.popleft()
                ch.messages.append(message)
                putter.sendval = None
                sched.schedule(putter)
            sched.schedule(task)
        elif ch.putters:
            putter, message = ch.putters.popleft()
            task.sendval = message
            sched.schedule(task)
            putter.sendval = None
            sched.schedule(putter)
        else:
            ch.takers.append(task)


class Timers:
    def __init__(self):
        self.heap = []
        self.order = 0


class Sleep(SystemCall):
    def __init__(self, timers, seconds):
        self.timers = timers
        self.seconds = seconds

    def handle(self):
        self.timers.order += 1
        heapq.heappush(self.timers.heap, (time.monotonic() + self.seconds, self.timers.order, self.task))


def timer_task(sched, timers):
    """Wakes due sleepers; when only it and the seed's iotask are ready, sleeps until the next."""
    while True:
        heap = timers.heap
        if heap:
            now = time.monotonic()
            if heap[0][0] > now and sched.ready.qsize() <= 1:
                time.sleep(heap[0][0] - now)
                now = time.monotonic()
            while heap and heap[0][0] <= now:
                _, _, task = heapq.heappop(heap)
                task.sendval = None
                sched.schedule(task)
        yield


# ---- The workloads ---------------------------------------------------------------------

def switches(tasks, yields):
    total = [0]
    left = Countdown(tasks)

    def switcher(t):
        acc = t
        for i in range(yields):
            acc = (acc * 31 + i) & MASK
            yield
        total[0] = (total[0] + acc) & MASK
        left.done()

    sched = Scheduler()
    for t in range(tasks):
        sched.new(switcher(t))
    run(sched)
    return total[0]


def spawn_and_run(tasks, while_suspended=None):
    total = [0]
    left = Countdown(tasks + (1 if while_suspended else 0))

    def once(i):
        yield
        total[0] += i
        left.done()

    def measure():
        while_suspended()
        left.done()
        yield

    sched = Scheduler()
    for i in range(tasks):
        sched.new(once(i))
    if while_suspended:
        sched.new(measure())
    run(sched)
    return total[0]


def ping_pong(handoffs, capacity):
    out, back = Channel(capacity), Channel(capacity)
    rounds = handoffs // 2
    total = [0]
    left = Countdown(2)

    def pinger():
        v = 0
        for _ in range(rounds):
            yield Put(out, v)
            got = yield Take(back)
            total[0] += v + got
            v = got + 1
        left.done()

    def ponger():
        for _ in range(rounds):
            got = yield Take(out)
            yield Put(back, got + 1)
        left.done()

    sched = Scheduler()
    sched.new(pinger())
    sched.new(ponger())
    run(sched)
    return total[0]


def sleep_millis(i, top):
    return (i * 7919) % (top + 1)


def sleeps(tasks, top, late):
    timers = Timers()
    left = Countdown(tasks)
    total = 0

    def sleeper(i, ms):
        start = time.monotonic()
        yield Sleep(timers, ms / 1000)
        late[i] = time.monotonic() - start - ms / 1000
        left.done()

    sched = Scheduler()
    sched.new(timer_task(sched, timers))
    for i in range(tasks):
        ms = sleep_millis(i, top)
        total += ms
        sched.new(sleeper(i, ms))
    run(sched)
    return total


# ---- Measuring -------------------------------------------------------------------------

def median(values):
    return sorted(values)[len(values) // 2]


def measure(work, warmups=1, rounds=3):
    times, checksum = [], None
    for r in range(warmups + rounds):
        t0 = time.perf_counter_ns()
        sum_ = work()
        elapsed = time.perf_counter_ns() - t0
        if checksum is not None and sum_ != checksum:
            raise AssertionError(f"checksum {sum_} differs from the previous round's {checksum}")
        checksum = sum_
        if r >= warmups:
            times.append(elapsed)
    return median(times), checksum


def result(metric, value, checksum, n1, n2=0):
    print(f"RESULT\t{PEER}\t{metric}\t{value:.2f}\t{checksum & MASK}\t{n1}\t{n2}", flush=True)


def main():
    scale = 10
    if len(sys.argv) == 3 and sys.argv[1] == "--scale":
        scale = int(sys.argv[2])
    switch_tasks, switch_yields = 1000 // scale, 10000 // scale
    tasks, handoffs, sleepers, top = 1_000_000 // scale, 1_000_000 // scale, 100_000, 50

    ns, checksum = measure(lambda: switches(switch_tasks, switch_yields))
    result("switch_ns", ns / (switch_tasks * switch_yields), checksum, switch_tasks, switch_yields)

    ns, checksum = measure(lambda: spawn_and_run(tasks))
    result("spawn_ns", ns / tasks, checksum, tasks)

    for capacity in (0, 16):
        ns, checksum = measure(lambda: ping_pong(handoffs, capacity))
        result(f"pingpong{capacity}_ns", ns / handoffs, checksum, handoffs, capacity)

    walls, p99s = [], []
    for r in range(3):
        late = [0.0] * sleepers
        t0 = time.monotonic()
        checksum = sleeps(sleepers, top, late)
        walls.append((time.monotonic() - t0) * 1000)
        late.sort()
        if late[0] < 0:
            raise AssertionError(f"a sleeper woke {-late[0]} s early")
        p99s.append(late[-(-99 * sleepers // 100) - 1] * 1000)
    result("sleep_wall_ms", median(walls), checksum, sleepers, top)
    result("sleep_p99_ms", median(p99s), checksum, sleepers, top)

    # Python objects are counted by tracemalloc while every task is suspended at its yield.
    during = []
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    checksum = spawn_and_run(tasks, lambda: during.append(tracemalloc.get_traced_memory()[0]))
    tracemalloc.stop()
    result("suspended_bytes", (during[0] - before) / tasks, checksum, tasks)


if __name__ == "__main__":
    main()
