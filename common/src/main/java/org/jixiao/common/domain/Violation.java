package org.jixiao.common.domain;

/**
 * One broken rule of a request or document. {@code pointer} is a JSON Pointer into the document the
 * rule was checked against (e.g. {@code /indicators/3/target}) or the name of a parameter.
 */
public record Violation(String pointer, String message) {
}
