package org.jixiao.common.contract;

/** One changed field between two revisions, e.g. {@code indicators[3].target}: before and after as printed. */
public record FieldChange(String field, String before, String after) {
}
