package dev.flotilla.engine.market.binance;

import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import si.mazi.rescu.Params;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.RestInvocation;

/**
 * The {@code signature} parameter of a signed request, as rescu (XChange's REST layer) builds it: the query
 * parameters other than the signature, in the order they are sent, are signed, and the signature is put in the URL
 * (rescu leaves a digest's value out of the URL it has already built, so the URL is completed here, as XChange's own
 * Binance digest does). Every signed endpoint sends all its parameters in the query string, POST included.
 */
final class SignedDigest implements ParamsDigest {

    static final String SIGNATURE = "signature";
    private static final Field INVOCATION_URL;

    static {
        try {
            INVOCATION_URL = RestInvocation.class.getDeclaredField("invocationUrl");
            INVOCATION_URL.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
        String signature = signer.sign(p.asQueryString());
        String encoded = URLEncoder.encode(signature, StandardCharsets.UTF_8);
        String url = invocation.getInvocationUrl();
        int at = url.indexOf(SIGNATURE + "=");
        if (at < 0) throw new IllegalStateException("a signed request without a signature parameter: " + invocation.getPath());
        try {
            INVOCATION_URL.set(invocation, url.substring(0, at + SIGNATURE.length() + 1) + encoded);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot complete the signed URL", e);
        }
        return encoded;
    }
}
