package org.keepalived4j.exporter.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 server with the JDK's {@link HttpServer} API, so that handlers, filters and
 * authenticators written for {@code com.sun.net.httpserver} (Prometheus' endpoints, Jolokia's
 * agent) run on it unchanged, and with a bounded cost per client, which the JDK's server lacks:
 *
 * <ul>
 *   <li>One event-loop thread reads every request asynchronously; only complete requests
 *       (request line and headers at most 8 KiB each, a body at most {@code maxBodyBytes}) reach
 *       the handler threads, so a client that sends slowly occupies no handler thread, and
 *       {@link HttpLimits#requestTimeout()} ends it.
 *   <li>A response streams through the exchange's output stream with backpressure: the handler
 *       thread waits while 64 KiB are queued for the client, and a client that reads too slowly
 *       or not at all is disconnected {@link HttpLimits#writeTimeout()} after its response
 *       started. So a client that never reads costs one handler thread for at most that long,
 *       and under 100 KiB of memory.
 *   <li>At most {@link HttpLimits#maxConnections()} connections are open; more are closed as
 *       they arrive. Each runs one request at a time and reads nothing meanwhile.
 * </ul>
 *
 * <p>The server is bound when built (so that {@link #getAddress()} answers at once) and accepts
 * connections from {@link #start()}; {@link #stop(int)} releases the port and every thread.
 * Unlike the JDK's server, an exchange ends when its handler returns (see {@code Exchange}).
 */
public final class NettyHttpServer extends HttpServer {

    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final String name;
    private final HttpLimits limits;
    private final ContextTable contexts = new ContextTable();
    private final ConnectionLimiter limiter;
    private final EventLoopGroup loop;
    private final ExecutorService handlers;
    private final ChannelGroup connections;
    private final Channel listener;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Executor executor;
    private volatile boolean started;

    private NettyHttpServer(Builder b, InetSocketAddress address) throws IOException {
        this.name = b.name;
        this.limits = b.limits;
        this.limiter = new ConnectionLimiter(b.name, b.limits.maxConnections());
        this.loop = new MultiThreadIoEventLoopGroup(1, NamedThreads.single(b.name + "-io"), NioIoHandler.newFactory());
        this.handlers = new ThreadPoolExecutor(b.handlerThreads, b.handlerThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), NamedThreads.numbered(b.name));
        this.executor = handlers;
        this.connections = new DefaultChannelGroup(b.name, loop.next());
        ServerBootstrap bootstrap = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_BACKLOG, 128)
                .handler(limiter)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ServerInitializer(this, b.tls, b.maxBodyBytes));
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownThreads();
            Throwable cause = bound.cause();
            if (cause instanceof IOException io) {
                BindException e = new BindException("cannot listen on " + address + ": " + io.getMessage());
                e.initCause(io);
                throw e;
            }
            throw new IOException("cannot listen on " + address, cause);
        }
        this.listener = bound.channel();
    }

    /** A server whose threads are called {@code name-io} and {@code name-1}, {@code name-2}... */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        throw new BindException("already bound to " + getAddress());
    }

    @Override
    public void start() {
        if (stopped.get()) {
            throw new IllegalStateException(name + " is stopped");
        }
        started = true;
        listener.config().setAutoRead(true);
    }

    @Override
    public void setExecutor(Executor executor) {
        if (started) {
            throw new IllegalStateException("the executor is set before start()");
        }
        this.executor = executor == null ? handlers : executor;
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }

    /** Stops accepting, waits up to {@code delay} seconds for running exchanges, then closes everything. */
    @Override
    public void stop(int delay) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        listener.close().awaitUninterruptibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, delay));
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdownThreads();
    }

    private void shutdownThreads() {
        handlers.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
            loop.terminationFuture().await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        return add(path, handler);
    }

    @Override
    public HttpContext createContext(String path) {
        return add(path, null);
    }

    private HttpContext add(String path, HttpHandler handler) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a context path starts with '/': " + path);
        }
        NettyHttpContext context = new NettyHttpContext(this, path, handler);
        contexts.add(context);
        return context;
    }

    @Override
    public void removeContext(String path) {
        contexts.remove(path);
    }

    @Override
    public void removeContext(HttpContext context) {
        contexts.remove(context);
    }

    /** The context created for exactly {@code path}, or {@code null}. */
    public HttpContext context(String path) {
        return contexts.exact(path);
    }

    @Override
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Connections open now. */
    public int openConnections() {
        return limiter.open();
    }

    /** Connections closed on arrival since the start because {@code max_connections} were open. */
    public long refusedConnections() {
        return limiter.refused();
    }

    // ---- for the connections' handlers

    HttpLimits limits() {
        return limits;
    }

    ContextTable contexts() {
        return contexts;
    }

    ChannelGroup connections() {
        return connections;
    }

    /** Runs an exchange on a handler thread, counted while it runs. */
    void execute(Runnable exchange) {
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    exchange.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    /** What a server is built from; {@link #bind} builds it. */
    public static final class Builder {

        private final String name;
        private HttpLimits limits = HttpLimits.defaults(64);
        private int maxBodyBytes = 64 * 1024;
        private int handlerThreads = 2;
        private SSLContext tls;

        private Builder(String name) {
            this.name = name;
        }

        public Builder limits(HttpLimits limits) {
            this.limits = limits;
            return this;
        }

        /** The largest request body accepted (default 64 KiB); a larger one is answered 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** How many requests are handled at once (default 2). */
        public Builder handlerThreads(int handlerThreads) {
            this.handlerThreads = handlerThreads;
            return this;
        }

        /** Serves HTTPS with this context; {@code null} (the default) serves plain HTTP. */
        public Builder tls(SSLContext tls) {
            this.tls = tls;
            return this;
        }

        /** Binds the server to {@code address}; it accepts connections once started. */
        public NettyHttpServer bind(InetSocketAddress address) throws IOException {
            return new NettyHttpServer(this, address);
        }
    }
}
