package org.jixiao.common.query;

import org.jixiao.common.domain.DomainException;

/** Which page of a list a client asks for: {@code page} from 0, {@code size} rows. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw DomainException.invalid("invalid-page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("invalid-page", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** The first row, computed in long so that a huge page number cannot wrap around. */
    public long offset() {
        return (long) page * size;
    }
}
