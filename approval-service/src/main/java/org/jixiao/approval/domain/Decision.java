package org.jixiao.approval.domain;

import java.util.List;

/** What a reviewer decides on the current stage of a case. */
public record Decision(Action action, Grade grade, String comment, List<Comment> comments, String overrideReason) {

    public enum Action {
        /** 通过: to the next stage */
        PASS,
        /** 批复: final approval, last stage only */
        APPROVE,
        /** 退回: back to the department with comments */
        RETURN,
        /** 确认: a monitoring report or self-evaluation taken note of (its only stage) */
        ACKNOWLEDGE
    }

    /** A comment anchored to a field (e.g. "overview", "funding") or an indicator row by index. */
    public record Comment(String field, Integer indicatorIndex, String text) {
    }

    public List<Comment> commentsOrEmpty() {
        return comments == null ? List.of() : comments;
    }

    /** An overall comment or an anchored one with text. */
    public boolean hasComment() {
        return (comment != null && !comment.isBlank())
                || commentsOrEmpty().stream().anyMatch(c -> c.text() != null && !c.text().isBlank());
    }

    public boolean hasOverrideReason() {
        return overrideReason != null && !overrideReason.isBlank();
    }
}
