package dev.flotilla.engine.command;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.LimitInfo;
import dev.flotilla.engine.api.LimitSet;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.InvalidLimitException;
import dev.flotilla.engine.risk.LimitSpec;
import dev.flotilla.engine.risk.PortfolioLimits;
import dev.flotilla.engine.risk.RiskStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The risk package's records as the API shows them to the console. Pure mappers. */
public final class RiskViews {

    public static final List<LimitInfo> BOT = BotLimits.SPECS.stream().map(RiskViews::info).toList();
    public static final List<LimitInfo> PORTFOLIO = PortfolioLimits.SPECS.stream().map(RiskViews::info).toList();

    private RiskViews() {
    }

    static LimitInfo info(LimitSpec s) {
        var rule = s.rule();
        LimitInfo.Kind kind = switch (rule.kind()) {
            case FRACTION -> LimitInfo.Kind.FRACTION;
            case FRACTION_OR_OFF -> LimitInfo.Kind.FRACTION_OR_OFF;
            case WHOLE -> LimitInfo.Kind.WHOLE;
            case AMOUNT -> LimitInfo.Kind.AMOUNT;
        };
        return new LimitInfo(s.name(), s.label(), kind, rule.min(), rule.max(), s.defaultValue(), rule.unit(), s.meaning(),
                rule.range());
    }

    static LimitSet of(BotLimits l) {
        return new LimitSet(BOT, l.values());
    }

    static LimitSet of(PortfolioLimits l) {
        return new LimitSet(PORTFOLIO, l.values());
    }

    /** {@link RiskView#NONE} while the gateway has no risk picture yet, so the console can tell. */
    static RiskView of(RiskStatus s) {
        if (s == RiskStatus.NONE) return RiskView.NONE;
        Map<String, RiskView.BotRisk> bots = new LinkedHashMap<>();
        s.bots().forEach((id, b) -> bots.put(id, new RiskView.BotRisk(b.state(), b.reason(), b.tradesToday(),
                b.lossesInARow(), b.sizeFactor())));
        return new RiskView(s.fleetState(), s.fleetReason(), s.killSwitch(), s.capital(), s.equity(), s.exposure(),
                s.exposureBySymbol(), s.peakEquity(), s.dayOpenEquity(), of(s.limits()), bots);
    }

    static InvalidInputException refused(InvalidLimitException e) {
        return new InvalidInputException(e.limit(), e.getMessage(), e);
    }
}
