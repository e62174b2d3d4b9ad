package dev.gen4j.bench.sched

import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * Kotlin coroutines on one thread: `runBlocking`'s event loop on the calling thread, `launch`,
 * `yield()`, `Channel` and `delay`.
 */
class KotlinPeer : Peer {
    override fun switches(tasks: Int, yields: Int): Long = runBlocking {
        var sum = 0L
        coroutineScope {
            repeat(tasks) { t ->
                launch {
                    var acc = t.toLong()
                    for (i in 0 until yields) {
                        acc = acc * 31 + i
                        yield()
                    }
                    sum += acc
                }
            }
        }
        sum
    }

    override fun spawnAndRun(tasks: Int): Long = runBlocking {
        var sum = 0L
        coroutineScope {
            repeat(tasks) { i ->
                launch {
                    yield()
                    sum += i
                }
            }
        }
        sum
    }

    override fun suspended(tasks: Int, whileSuspended: Runnable): Long = runBlocking {
        var sum = 0L
        coroutineScope {
            repeat(tasks) { i ->
                launch {
                    yield()
                    sum += i
                }
            }
            // Runs after every coroutine above has run to its yield.
            launch { whileSuspended.run() }
        }
        sum
    }

    override fun pingPong(handoffs: Int, capacity: Int): Long = runBlocking {
        val out = Channel<Long>(if (capacity == 0) Channel.RENDEZVOUS else capacity)
        val back = Channel<Long>(if (capacity == 0) Channel.RENDEZVOUS else capacity)
        val rounds = handoffs / 2
        var sum = 0L
        coroutineScope {
            launch {
                var v = 0L
                repeat(rounds) {
                    out.send(v)
                    val got = back.receive()
                    sum += v + got
                    v = got + 1
                }
            }
            launch {
                repeat(rounds) { back.send(out.receive() + 1) }
            }
        }
        sum
    }

    override fun sleeps(tasks: Int, maxMillis: Int, lateNanos: LongArray): Long = runBlocking {
        var sum = 0L
        coroutineScope {
            for (i in 0 until tasks) {
                val ms = Workloads.sleepMillis(i, maxMillis)
                sum += ms
                launch {
                    val start = System.nanoTime()
                    delay(ms.toLong())
                    lateNanos[i] = System.nanoTime() - start - ms * 1_000_000L
                }
            }
        }
        sum
    }
}
