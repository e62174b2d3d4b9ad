package dev.gen4j.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The same echo protocol on Netty with ONE event-loop thread (it accepts and serves), Netty's
 * defaults otherwise: pooled direct buffers, NIO transport.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gen4j.bench.echo.NettyEchoServer --port 0</pre>
 */
public final class NettyEchoServer {
    private NettyEchoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        ListenAddress address = ListenAddress.parse("NettyEchoServer", args);
        EventLoopGroup oneThread = new NioEventLoopGroup(1);
        try {
            Channel server = new ServerBootstrap()
                    .group(oneThread)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, ListenAddress.BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new PrefixingEcho())
                    .bind(address.socketAddress())
                    .sync()
                    .channel();
            System.out.println(ListenAddress.listeningLine((InetSocketAddress) server.localAddress()));
            server.closeFuture().sync();
        } finally {
            oneThread.shutdownGracefully();
        }
    }

    /**
     * Answers each chunk read with {@code GOT:} + the chunk in one pooled buffer; flushes once
     * per read burst rather than once per chunk.
     */
    @Sharable
    static final class PrefixingEcho extends ChannelInboundHandlerAdapter {
        private static final byte[] GOT = "GOT:".getBytes(StandardCharsets.US_ASCII);

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf chunk = (ByteBuf) msg;
            try {
                ByteBuf reply = ctx.alloc().ioBuffer(GOT.length + chunk.readableBytes());
                reply.writeBytes(GOT).writeBytes(chunk);
                ctx.write(reply, ctx.voidPromise());
            } finally {
                chunk.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Reset by the client, or gone: close it, as the other servers do.
            ctx.close();
        }
    }
}
