package org.jixiao.common.events;

import org.jixiao.common.contract.Framework;

/**
 * data of FrameworkPublished: the framework in force for {@code budgetYear}, or, with a null year, for
 * every year that has no framework of its own.
 */
public record FrameworkPublished(Integer budgetYear, Framework framework) {
}
