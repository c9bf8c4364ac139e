package org.jixiao.common.query;

import java.util.Collection;
import org.jixiao.common.domain.DomainException;

/**
 * The order a client asks for, written {@code field} or {@code -field} (descending). Only fields a
 * list offers may be named; the repository maps the field to its column and adds a tiebreaker.
 */
public record SortOrder(String field, boolean descending) {

    public static SortOrder parse(String text, Collection<String> allowed) {
        String value = text == null ? "" : text.trim();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        if (!allowed.contains(field)) {
            throw DomainException.invalid("invalid-sort",
                    "sort must be one of " + allowed + ", optionally prefixed by -");
        }
        return new SortOrder(field, descending);
    }

    public static SortOrder ascending(String field) {
        return new SortOrder(field, false);
    }
}
