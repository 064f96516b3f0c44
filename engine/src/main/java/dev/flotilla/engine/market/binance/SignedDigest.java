package dev.flotilla.engine.market.binance;

import jakarta.ws.rs.QueryParam;
import si.mazi.rescu.Params;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.RestInvocation;

/**
 * The {@code signature} parameter of a signed request, as rescu (XChange's REST layer) asks for it: the query
 * parameters other than the signature, in the order they are sent, are signed, and rescu puts the value last in the
 * query string, encoded. Every signed endpoint sends all its parameters in the query string, POST included.
 */
final class SignedDigest implements ParamsDigest {

    static final String SIGNATURE = "signature";

    private final Signer signer;

    SignedDigest(Signer signer) {
        this.signer = signer;
    }

    @Override
    public String digestParams(RestInvocation invocation) {
        Params p = Params.of();
        invocation.getParamsMap().get(QueryParam.class).asHttpHeaders().forEach((k, v) -> {
            if (!SIGNATURE.equals(k)) p.add(k, v);
        });
        return signer.sign(p.asQueryString());
    }
}
