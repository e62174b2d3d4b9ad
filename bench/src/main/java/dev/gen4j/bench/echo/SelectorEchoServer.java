package dev.gen4j.bench.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The baseline for the gen4j echo sample: the same protocol (each chunk of up to
 * {@value #CHUNK} bytes is answered with {@code GOT:} + the chunk) written directly on one
 * {@link Selector}, one thread, as lean as this design gets.
 *
 * <ul>
 * <li>A client's key keeps {@code OP_READ} while its answers go out whole, so the steady state
 *     changes no interest set (no {@code epoll_ctl}).
 * <li>All clients share one direct buffer with {@code GOT:} fixed at its start: a chunk is read
 *     right after the prefix and written at once, with no copy and no garbage.
 * <li>Only a partial write keeps bytes per client: the rest is copied aside and the client is
 *     read no more until it has drained, as the gen4j sample does.
 * </ul>
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gen4j.bench.echo.SelectorEchoServer --port 0</pre>
 */
public final class SelectorEchoServer {
    /** The most read at once, as the gen4j echo sample reads. */
    static final int CHUNK = 1000;
    private static final byte[] GOT = "GOT:".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final ServerSocketChannel server;
    private final ByteBuffer shared = ByteBuffer.allocateDirect(GOT.length + CHUNK).put(GOT);

    private SelectorEchoServer(ListenAddress address) throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(address.socketAddress(), ListenAddress.BACKLOG);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) throws IOException {
        SelectorEchoServer echo = new SelectorEchoServer(ListenAddress.parse("SelectorEchoServer", args));
        System.out.println(ListenAddress.listeningLine((InetSocketAddress) echo.server.getLocalAddress()));
        echo.serve();
    }

    private void serve() throws IOException {
        for (;;) {
            selector.select(this::onReady);
        }
    }

    private void onReady(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                acceptAll();
            } else if (key.isReadable()) {
                answer(key);
            } else if (key.isWritable()) {
                drain(key);
            }
        } catch (IOException e) {
            // Reset by the client, or out of file descriptors on accept: drop that one.
            if (key.channel() != server) {
                closeClient(key);
            }
        }
    }

    private void acceptAll() throws IOException {
        for (SocketChannel client; (client = server.accept()) != null; ) {
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ);
        }
    }

    private void answer(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        shared.clear().position(GOT.length);
        int n = client.read(shared);
        if (n < 0) {
            closeClient(key);
            return;
        }
        if (n == 0) {
            return;
        }
        client.write(shared.flip());
        if (shared.hasRemaining()) {
            ByteBuffer rest = ByteBuffer.allocate(shared.remaining()).put(shared).flip();
            key.attach(rest);
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private void drain(SelectionKey key) throws IOException {
        ByteBuffer rest = (ByteBuffer) key.attachment();
        ((SocketChannel) key.channel()).write(rest);
        if (!rest.hasRemaining()) {
            key.attach(null);
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static void closeClient(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
