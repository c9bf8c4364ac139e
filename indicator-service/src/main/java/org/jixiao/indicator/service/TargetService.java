package org.jixiao.indicator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jixiao.common.domain.DomainException;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetParser;

/** 指标值: reads printed target values for clients (the checks read them through the same grammar). */
@ApplicationScoped
public class TargetService {
    /** Bounds the work and the size of the answer of one request. */
    public static final int MAX_BATCH = 10_000;

    private final TargetParser parser = new TargetParser();

    public TargetMeaning parse(String text, Integer budgetYear) {
        return parser.parse(text, budgetYear);
    }

    /** The meanings of {@code texts}, in the same order. */
    public List<TargetMeaning> parseAll(List<String> texts, Integer budgetYear) {
        if (texts.size() > MAX_BATCH) {
            throw DomainException.invalid("batch-too-large", "at most " + MAX_BATCH + " texts per request");
        }
        return texts.stream().map(t -> parser.parse(t, budgetYear)).toList();
    }
}
