package org.keepalived4j.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.keepalived4j.config.ConnectionConfig;
import org.slf4j.LoggerFactory;

/** The event loops that run every check, and the channel types to use on them (epoll when available). */
final class NettyTransport implements AutoCloseable {

    private final EventLoopGroup group;
    private final boolean epoll;

    NettyTransport(int threads) {
        this.epoll = Epoll.isAvailable();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        DefaultThreadFactory factory = new DefaultThreadFactory("lvs-check", true);
        this.group = new MultiThreadIoEventLoopGroup(n, factory,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends Channel> socketChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    Class<? extends Channel> datagramChannel() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /**
     * Applies {@code bind_if} (SO_BINDTODEVICE) and {@code fwmark} (SO_MARK) to a checker's
     * sockets; these need the epoll transport (without it they are ignored with a warning).
     */
    void socketOptions(Bootstrap b, ConnectionConfig c) {
        if (c.bindInterface() == null && c.fwmark() == 0) {
            return;
        }
        if (!epoll) {
            LoggerFactory.getLogger(NettyTransport.class).warn(
                    "bind_if/fwmark of a checker to {} need the epoll transport; ignored", c.address());
            return;
        }
        if (c.fwmark() != 0) {
            b.option(new IntegerUnixChannelOption("SO_MARK", 1, 36), (int) c.fwmark());
        }
        if (c.bindInterface() != null) {
            byte[] name = (c.bindInterface() + "\0").getBytes(StandardCharsets.US_ASCII);
            b.option(new RawUnixChannelOption("SO_BINDTODEVICE", 1, 25, name.length),
                    ByteBuffer.wrap(name));
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
