package dk.trialport.fhir;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Sits right after Netty's HTTP decoder: answers a request line or headers too long with 414 or 431 and an
 * OperationOutcome (Reactor Netty would send an empty body), and percent-encodes the characters that HTTP clients
 * send raw in query strings but {@link java.net.URI} refuses ({@code |}, {@code {}}, …), which Spring would
 * otherwise answer with an empty 400.
 */
class RequestLineGuard extends ChannelInboundHandlerAdapter {

    private static final String RAW = "|\"<>\\^`{}";

    private final Function<FhirWebConfiguration.Refusal, String> outcome;

    RequestLineGuard(Function<FhirWebConfiguration.Refusal, String> outcome) {
        this.outcome = outcome;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            var result = request.decoderResult();
            if (result.isFailure()
                    && (result.cause() instanceof TooLongHttpLineException
                            || result.cause() instanceof TooLongHttpHeaderException)) {
                ReferenceCountUtil.release(msg);
                refuse(
                        ctx,
                        FhirWebConfiguration.Refusal.ALL.get(
                                result.cause() instanceof TooLongHttpLineException ? 0 : 1));
                return;
            }
            if (result.isSuccess()) {
                request.setUri(encodeRaw(request.uri()));
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, FhirWebConfiguration.Refusal refusal) {
        var body = outcome.apply(refusal).getBytes(StandardCharsets.UTF_8);
        var response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status().value()),
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/fhir+json;charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    static String encodeRaw(String uri) {
        if (uri.chars().noneMatch(c -> RAW.indexOf(c) >= 0 || c == '%')) {
            return uri;
        }
        var encoded = new StringBuilder(uri.length() + 8);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            // a raw character URIs do not allow, or a % that starts no escape, is sent as its escape
            if (RAW.indexOf(c) >= 0
                    || c == '%' && !(i + 2 < uri.length() && isHex(uri.charAt(i + 1)) && isHex(uri.charAt(i + 2)))) {
                encoded.append('%').append(String.format("%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
