package org.jixiao.reporting.domain;

import java.time.OffsetDateTime;

/** The final decision on a revision as the reports print it: 批复文号, who approved, when, 评审等级 (may be null). */
public record Approval(String number, String by, OffsetDateTime at, String grade) {
}
