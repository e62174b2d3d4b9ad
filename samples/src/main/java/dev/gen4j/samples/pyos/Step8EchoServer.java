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
 * echoserver.py, on step 8: the I/O waits move into library subroutines, Accept, Send and Recv,
 * which the tasks call. pyos8's Task trampolines {@code yield Recv(...)}; in Java it is
 * {@code Yield.from(recv(...))}, and the subroutine's {@code Gen.done(value)} is the call's result.
 */
final class Step8EchoServer {
    private Step8EchoServer() {
    }

    // ---- Library functions ---------------------------------------------------------------

    @Generator
    static Gen<SocketChannel> accept(ServerSocketChannel sock) throws IOException {
        for (;;) {
            Yield.now(Io.readable(sock));
            SocketChannel client = sock.accept();
            if (client != null) {
                client.configureBlocking(false);
                return Gen.done(client);
            }
        }
    }

    @Generator
    static Gen<Void> send(SocketChannel sock, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            Yield.now(Io.writable(sock));
            sock.write(buffer);
        }
        return Gen.done();
    }

    /** What arrived, at most {@code maxbytes}; empty at the end of the stream, as Python's {@code recv}. */
    @Generator
    static Gen<ByteBuffer> recv(SocketChannel sock, int maxbytes) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(maxbytes);
        int n;
        do {
            Yield.now(Io.readable(sock));
            n = sock.read(data);
        } while (n == 0);          // Ready, yet nothing to read: wait again
        return Gen.done(data.flip());
    }

    // ---- The echo server -----------------------------------------------------------------

    @Generator
    static Gen<Void> handleClient(SocketChannel client, SocketAddress addr, PrintWriter out, ClientLimit limit)
            throws IOException {
        out.println("Connection from " + addr);
        while (true) {
            ByteBuffer data = Yield.from(recv(client, 65536));
            if (!data.hasRemaining()) {
                break;
            }
            Yield.from(send(client, data));
        }
        out.println("Client closed");
        client.close();
        limit.clientClosed();
        return Gen.done();
    }

    @Generator
    static Gen<Void> server(ServerSocketChannel sock, PrintWriter out, TaskExits exits, ClientLimit limit)
            throws IOException {
        out.println("Server starting");
        while (true) {
            SocketChannel client = Yield.from(accept(sock));
            Yield.from(exits.newTask(handleClient(client, client.getRemoteAddress(), out, limit)));
        }
    }

    static void run(PrintWriter out, PrintWriter err, ServerOptions options) throws IOException {
        TaskExits exits = new TaskExits(out);
        try (ServerSocketChannel sock = options.listen(5, false, err); Scheduler sched = new Scheduler()) {
            exits.spawn(sched, server(sock, out, exits, new ClientLimit(sched, options.clients)));
            sched.run();
            exits.runOver();
        }
    }
}
