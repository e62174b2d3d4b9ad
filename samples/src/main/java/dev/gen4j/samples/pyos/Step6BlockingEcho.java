package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * echobad.py, on step 6: an echo server whose tasks call blocking {@code accept} and
 * {@code read}. Each blocks the scheduler's one thread, so the whole system freezes: "I'm alive!"
 * stops as soon as the server waits for a client, and a second client waits until the first
 * has gone.
 */
final class Step6BlockingEcho {
    private Step6BlockingEcho() {
    }

    @Generator
    static Gen<Void> handleClient(SocketChannel client, SocketAddress addr, PrintWriter out, ClientLimit limit)
            throws IOException {
        out.println("Connection from " + addr);
        ByteBuffer data = ByteBuffer.allocate(65536);
        while (true) {
            data.clear();
            if (client.read(data) < 0) {
                break;
            }
            client.write(data.flip());
        }
        client.close();
        out.println("Client closed");
        limit.clientClosed();
        Yield.now();           // The seed's yield, which made the function a generator
        return Gen.done();
    }

    @Generator
    static Gen<Void> server(ServerSocketChannel sock, PrintWriter out, TaskExits exits, ClientLimit limit)
            throws IOException {
        out.println("Server starting");
        while (true) {
            SocketChannel client = sock.accept();
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

    static void run(PrintWriter out, PrintWriter err, ServerOptions options) throws IOException {
        TaskExits exits = new TaskExits(out);
        try (ServerSocketChannel sock = options.listen(5, true, err); Scheduler sched = new Scheduler()) {
            ClientLimit limit = new ClientLimit(sched, options.clients);
            exits.spawn(sched, alive(out));
            exits.spawn(sched, server(sock, out, exits, limit));
            sched.run();
            exits.runOver();
        }
    }
}
