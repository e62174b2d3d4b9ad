package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Net;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/** sockwrap.py's {@code Socket}, for a listening socket: {@code accept} is a generator. */
final class CoServerSocket {
    private final ServerSocketChannel sock;

    CoServerSocket(ServerSocketChannel sock) {
        this.sock = sock;
    }

    /** The next connection, wrapped in turn. */
    @Generator
    Gen<CoSocket> accept() throws IOException {
        return Gen.done(new CoSocket(Yield.from(Net.accept(sock))));
    }
}
