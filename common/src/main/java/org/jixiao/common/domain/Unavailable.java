package org.jixiao.common.domain;

import java.util.List;

/** A request the service cannot take on right now, through no fault of the client: retry later. */
public class Unavailable extends DomainException {
    private final long retryAfterSeconds;

    public Unavailable(String code, String message, long retryAfterSeconds) {
        super(Kind.UNAVAILABLE, code, null, message, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
