package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An acceptor empties the backlog in one turn: accept takes what waits, spawn answers at once. */
class AcceptBurstTest {
    static final int WAITING = 20;

    @Generator
    static Gen<Void> acceptor(ServerSocketChannel server, List<String> log) throws IOException {
        for (int i = 0; i < WAITING; i++) {
            SocketChannel client = Yield.from(Net.accept(server));
            long id = Yield.now(Sys.spawn(handler(client, log)));
            log.add("accepted " + id);
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> handler(SocketChannel client, List<String> log) throws IOException {
        client.close();
        log.add("handled");
        return Gen.done();
    }

    @Generator
    static Gen<Void> ticker(List<String> log) {
        for (int i = 0; i < 3; i++) {
            log.add("tick");
            Yield.now();
        }
        return Gen.done();
    }

    @Test
    void everyConnectionWaitingIsAcceptedAndSpawnedBeforeAnyOtherTaskRuns() throws Exception {
        List<SocketChannel> clients = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(); Scheduler scheduler = new Scheduler()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WAITING * 2);
            for (int i = 0; i < WAITING; i++) {
                // A blocking connect returns once the connection sits in the server's backlog.
                clients.add(SocketChannel.open(server.getLocalAddress()));
            }
            List<String> log = new ArrayList<>();
            scheduler.spawn(acceptor(server, log));
            scheduler.spawn(ticker(log));
            scheduler.run();
            int firstTick = log.indexOf("tick");
            assertEquals(WAITING, log.subList(0, firstTick).stream().filter(l -> l.startsWith("accepted")).count(),
                    log.toString());
            assertEquals(WAITING, log.stream().filter(l -> l.equals("handled")).count(), log.toString());
            assertTrue(log.indexOf("handled") > firstTick, "the handlers run from the next pass on: " + log);
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
        }
    }

    @Generator
    static Gen<Void> spawnsForever(List<String> log) {
        for (int i = 0; i < Scheduler.CALLS_PER_TURN * 3; i++) {
            Yield.now(Sys.spawn(Gen.of(List.of())));
            log.add("spawned");
        }
        return Gen.done();
    }

    @Test
    void aTaskAnsweredAtOnceStillLetsTheOthersRunEveryFewDozenCalls() {
        List<String> log = new ArrayList<>();
        try (Scheduler scheduler = new Scheduler()) {
            scheduler.spawn(spawnsForever(log));
            scheduler.spawn(ticker(log));
            scheduler.run();
        }
        assertEquals(Scheduler.CALLS_PER_TURN, log.indexOf("tick"), log.toString());
    }
}
