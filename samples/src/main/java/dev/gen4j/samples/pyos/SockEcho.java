package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * echoserver2.py: the concurrent echo server written against socket wrappers ({@link CoSocket},
 * sockwrap.py) whose methods are generators: {@code data = yield client.recv(65536)} becomes
 * {@code byte[] data = Yield.from(client.recv(65536))}.
 */
@Command(name = "sockecho", mixinStandardHelpOptions = true,
        description = {"The concurrent echo server of echoserver2.py, on socket wrappers whose methods are generators.",
            "Echoes what each client sends; prints 'Connection from ...', 'Client closed', 'Task N terminated'.",
            "Prints where it listens on standard error."})
public final class SockEcho implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Generator
    static Gen<Void> handleClient(CoSocket client, SocketAddress addr, PrintWriter out, ClientLimit limit)
            throws IOException {
        out.println("Connection from " + addr);
        while (true) {
            byte[] data = Yield.from(client.recv(65536));
            if (data.length == 0) {
                break;
            }
            Yield.from(client.send(data));
        }
        out.println("Client closed");
        client.close();
        limit.clientClosed();
        return Gen.done();
    }

    @Generator
    static Gen<Void> server(ServerSocketChannel rawsock, PrintWriter out, TaskExits exits, ClientLimit limit)
            throws IOException {
        out.println("Server starting");
        CoServerSocket sock = new CoServerSocket(rawsock);
        while (true) {
            CoSocket client = Yield.from(sock.accept());
            Yield.from(exits.newTask(handleClient(client, client.address(), out, limit)));
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TaskExits exits = new TaskExits(out);
        try (ServerSocketChannel rawsock = server.listen(1024, false, spec.commandLine().getErr());
                Scheduler sched = new Scheduler()) {
            exits.spawn(sched, server(rawsock, out, exits, new ClientLimit(sched, server.clients)));
            sched.run();
            exits.runOver();
        }
        out.flush();
        return 0;
    }
}
