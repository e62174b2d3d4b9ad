package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Io;
import dev.gen4j.sched.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * echogood.py (and, without the "I'm alive!" task, echogood2.py), on step 7: the echo server
 * works once tasks wait for I/O. {@code yield ReadWait(sock)} is {@code Yield.now(Io.readable(sock))}:
 * the task sleeps until the channel is ready, and the scheduler's selector wakes it, so the other
 * tasks run meanwhile.
 */
final class Step7IoWaiting {
    private Step7IoWaiting() {
    }

    @Generator
    static Gen<Void> handleClient(SocketChannel client, SocketAddress addr, PrintWriter out, ClientLimit limit)
            throws IOException {
        out.println("Connection from " + addr);
        ByteBuffer data = ByteBuffer.allocate(65536);
        while (true) {
            Yield.now(Io.readable(client));
            data.clear();
            if (client.read(data) < 0) {
                break;
            }
            Yield.now(Io.writable(client));
            client.write(data.flip());     // As the seed's send(): may write only part (step 8 loops)
        }
        client.close();
        out.println("Client closed");
        limit.clientClosed();
        return Gen.done();
    }

    @Generator
    static Gen<Void> server(ServerSocketChannel sock, PrintWriter out, TaskExits exits, ClientLimit limit)
            throws IOException {
        out.println("Server starting");
        while (true) {
            Yield.now(Io.readable(sock));
            SocketChannel client = sock.accept();
            if (client == null) {
                continue;      // Another process took the connection first
            }
            client.configureBlocking(false);
            Yield.from(exits.newTask(handleClient(client, client.getRemoteAddress(), out, limit)));
        }
    }

    @Generator
    static Gen<Void> alive(PrintWriter out) {
        while (true) {
            out.println("I'm alive!");
            Yield.now();
        }
    }

    /** @param quiet echogood2.py: no "I'm alive!" task, and a longer accept queue */
    static void run(PrintWriter out, PrintWriter err, ServerOptions options, boolean quiet) throws IOException {
        TaskExits exits = new TaskExits(out);
        try (ServerSocketChannel sock = options.listen(quiet ? 1024 : 5, false, err);
                Scheduler sched = new Scheduler()) {
            ClientLimit limit = new ClientLimit(sched, options.clients);
            if (!quiet) {
                exits.spawn(sched, alive(out));
            }
            exits.spawn(sched, server(sock, out, exits, limit));
            sched.run();
            exits.runOver();
        }
    }
}
