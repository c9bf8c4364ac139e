package org.jixiao.common.events;

import org.jixiao.common.contract.Framework;

/**
 * data of FrameworkPublished: the framework in force for {@code budgetYear}, or, with a null year, for
 * every year that has no framework of its own.
 *
 * <p>{@code revision} counts the publications of one scope (the year, or the default) at indicator-service:
 * 1, 2, 3 as an admin changes the year's framework. A consumer keeps the highest revision it has seen and
 * ignores an older one that arrives later (a replayed dead letter, a retried parked row). Events published
 * before the field existed carry none and read as revision 0.
 */
public record FrameworkPublished(Integer budgetYear, Framework framework, int revision) {
}
