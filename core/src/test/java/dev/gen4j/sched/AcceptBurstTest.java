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

/**
 * An acceptor takes every connection already waiting without a wait for each: accept tries
 * before it waits for readiness, so a burst of connections is taken in one turn.
 */
class AcceptBurstTest {
    static final int WAITING = 20;

    @Generator
    static Gen<Void> acceptor(ServerSocketChannel server, List<SocketChannel> accepted, List<String> log)
            throws IOException {
        for (int i = 0; i < WAITING; i++) {
            accepted.add(Yield.from(Net.accept(server)));
            log.add("accepted");
        }
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
    void everyConnectionWaitingIsAcceptedBeforeAnyOtherTaskRuns() throws Exception {
        List<SocketChannel> clients = new ArrayList<>();
        List<SocketChannel> accepted = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(); Scheduler scheduler = new Scheduler()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WAITING * 2);
            for (int i = 0; i < WAITING; i++) {
                // A blocking connect returns once the connection sits in the server's backlog.
                clients.add(SocketChannel.open(server.getLocalAddress()));
            }
            List<String> log = new ArrayList<>();
            scheduler.spawn(acceptor(server, accepted, log));
            scheduler.spawn(ticker(log));
            scheduler.run();
            assertEquals(WAITING, log.indexOf("tick"), log.toString());
            assertEquals(WAITING, accepted.size());
            assertTrue(accepted.stream().noneMatch(SocketChannel::isBlocking));
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
            for (SocketChannel c : accepted) {
                c.close();
            }
        }
    }
}
