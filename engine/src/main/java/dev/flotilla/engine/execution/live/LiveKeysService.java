package dev.flotilla.engine.execution.live;

import dev.flotilla.engine.api.LiveApi;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.market.binance.BinanceAccount;
import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.secrets.ApiKeys;
import dev.flotilla.engine.secrets.KeyVault;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's keys dialog, served: keys are tried against Binance's account endpoint (at the URL live trading would
 * use), kept in the {@link KeyVault} only when they may trade and may not withdraw, and never shown back whole.
 */
public final class LiveKeysService implements LiveApi {

    private static final Logger log = LoggerFactory.getLogger(LiveKeysService.class);

    private final KeyVault vault;
    private final String binanceUrl;

    public LiveKeysService(KeyVault vault, String binanceUrl) {
        this.vault = vault;
        this.binanceUrl = binanceUrl;
    }

    @Override
    public KeyCheck check(String apiKey, String secret) {
        ApiKeys keys;
        try {
            keys = new ApiKeys(apiKey, secret);
        } catch (IllegalArgumentException e) {
            return new KeyCheck(false, false, false, List.of(), e.getMessage());
        }
        try {
            BinanceMarket market = new BinanceMarket(BinanceConfig.defaults(binanceUrl).withTimeouts(5_000, 10_000), WallClock.system());
            market.start(Set.of());
            BinanceAccount account = new BinanceAccount(market, keys);
            BinanceAccount.Info info = account.info();
            boolean withdraw = info.canWithdraw() || account.restrictions().withdrawals();
            List<String> balances = info.balances().values().stream()
                    .filter(b -> b.free().signum() > 0 || b.locked().signum() > 0)
                    .map(b -> b.free().stripTrailingZeros().toPlainString() + " " + b.asset()).limit(12).toList();
            String message = withdraw ? "refused: these keys may withdraw funds; Flotilla keeps only keys that cannot withdraw"
                    : !info.canTrade() ? "refused: these keys may not trade on Spot"
                    : "the keys work at " + binanceUrl + " and may trade, not withdraw";
            log.info("keys {} checked at {}: trade {}, withdraw {}", keys.maskedKey(), binanceUrl, info.canTrade(), withdraw);
            return new KeyCheck(true, info.canTrade(), withdraw, balances, message);
        } catch (IllegalArgumentException | BinanceAccount.Refusal | BinanceAccount.Unknown e) {
            log.info("keys {} refused at {}: {}", keys.maskedKey(), binanceUrl, e.getMessage());
            return new KeyCheck(false, false, false, List.of(), "Binance at " + binanceUrl + " did not accept the keys: " + e.getMessage());
        }
    }

    @Override
    public KeyCheck save(String apiKey, String secret) {
        KeyCheck check = check(apiKey, secret);
        if (!check.acceptable()) return check;
        try {
            vault.save(new ApiKeys(apiKey, secret));
        } catch (KeyVault.KeyVaultException e) {
            return new KeyCheck(check.ok(), check.canTrade(), check.canWithdraw(), check.balances(), "not kept: " + e.getMessage());
        }
        return new KeyCheck(check.ok(), check.canTrade(), check.canWithdraw(), check.balances(), "kept in " + vault.describe());
    }

    @Override
    public String keysKeptIn() {
        return vault.load().isPresent() ? vault.describe() : null;
    }

    @Override
    public String maskedKey() {
        return vault.load().map(ApiKeys::maskedKey).orElse(null);
    }

    @Override
    public void forget() {
        vault.delete();
    }
}
