package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.market.MarketDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures Binance's clock with {@code /api/v3/time}: at start, about every ten minutes, and after a -1021. */
final class ClockSync {

    private static final Logger log = LoggerFactory.getLogger(ClockSync.class);
    static final int TIME_WEIGHT = 1;

    private final BinanceGateway gateway;
    private final ServerClock clock;
    private final BinanceConfig config;

    ClockSync(BinanceGateway gateway, ServerClock clock, BinanceConfig config) {
        this.gateway = gateway;
        this.clock = clock;
        this.config = config;
    }

    /** Measures the offset now: server time against the middle of the round trip. */
    void measure() {
        WallClock local = clock.local();
        long[] before = new long[1];
        BinanceRest.ServerTime t = gateway.send("server time", TIME_WEIGHT, config.tickWaitMs(), r -> {
            before[0] = local.now();
            return r.time();
        });
        long after = local.now();
        long server = t.getServerTime().getTime();
        if (server <= 0) throw new MarketDataException("server time: Binance sent " + server);
        clock.measured(server, before[0], after);
    }

    /** Measures again when the last measurement is old or was invalidated; a failure is logged, not thrown. */
    void resyncIfDue() {
        if (!clock.needsMeasuring(config.resyncEveryMs())) return;
        try {
            long before = clock.offset();
            measure();
            if (Math.abs(clock.offset() - before) > 1_000) {
                log.info("Binance clock offset now {} ms (was {} ms)", clock.offset(), before);
            }
        } catch (MarketDataException e) {
            log.warn("server time not measured again: {}", e.getMessage());
        }
    }
}
