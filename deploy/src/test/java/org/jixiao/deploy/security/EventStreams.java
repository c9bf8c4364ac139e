package org.jixiao.deploy.security;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A Server-Sent Events answer never ends, so reading its body would hold the call until its timeout and leave the
 * server streaming to nobody: for {@code text/event-stream} the probe keeps status and headers, cancels the body
 * (which closes the connection) and reads an empty one.
 */
final class EventStreams {
    private EventStreams() {
    }

    static <T> HttpResponse.BodyHandler<T> closingStreams(HttpResponse.BodyHandler<T> otherwise, T empty) {
        return info -> info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
                ? new Cancelled<>(empty) : otherwise.apply(info);
    }

    private static final class Cancelled<T> implements HttpResponse.BodySubscriber<T> {
        private final CompletableFuture<T> body;

        Cancelled(T empty) {
            body = CompletableFuture.completedFuture(empty);
        }

        @Override
        public CompletionStage<T> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
