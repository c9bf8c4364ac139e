package org.jixiao.common.query;

import java.util.List;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;

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
        // SQL offsets and JPA ranges are ints: a page past them would wrap around or fail in the driver
        if ((long) page * size + size > Integer.MAX_VALUE) {
            throw DomainException.invalid("invalid-page", "Invalid page", "page " + page + " of size " + size
                    + " is beyond the last row any list can have (page × size must stay below " + Integer.MAX_VALUE
                    + ")", List.of(new Violation("page", "at most " + maxPage(size) + " for size " + size)));
        }
    }

    /** The last page a list of pages of {@code size} rows can have. */
    public static int maxPage(int size) {
        return Integer.MAX_VALUE / size - 1;
    }

    /** The first row, computed in long so that a huge page number cannot wrap around. */
    public long offset() {
        return (long) page * size;
    }
}
