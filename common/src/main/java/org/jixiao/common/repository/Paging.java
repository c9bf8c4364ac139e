package org.jixiao.common.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import java.util.List;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;

/** Where the services' query types meet Panache: sorting and paging done by the database. */
public final class Paging {
    private Paging() {
    }

    /** The Panache sort for {@code order}, with {@code tiebreaker} so that pages never overlap. */
    public static Sort sort(SortOrder order, String tiebreaker) {
        Sort sort = order.descending() ? Sort.descending(order.field()) : Sort.ascending(order.field());
        return tiebreaker == null || tiebreaker.equals(order.field()) ? sort : sort.and(tiebreaker);
    }

    /** One page of {@code query}, rows and count both from SQL. */
    public static <T> Page<T> page(PanacheQuery<T> query, PageRequest request) {
        return page(query, request, query.count());
    }

    /** One page of {@code query}, its rows from SQL; {@code total} is the exact count of its rows, known otherwise. */
    public static <T> Page<T> page(PanacheQuery<T> query, PageRequest request, long total) {
        if (request.offset() >= total) {
            return Page.of(List.of(), request, total);
        }
        if (request.offset() + request.size() > Integer.MAX_VALUE) {
            throw DomainException.invalid("invalid-page", "page " + request.page() + " of size " + request.size()
                    + " is beyond the last row any list can have");
        }
        List<T> rows = query.range((int) request.offset(), (int) request.offset() + request.size() - 1).list();
        return Page.of(rows, request, total);
    }
}
