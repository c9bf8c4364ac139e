package org.jixiao.indicator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetMeaning.Direction;
import org.jixiao.indicator.domain.target.TargetMeaning.Frequency;
import org.jixiao.indicator.domain.target.TargetMeaning.Kind;
import org.jixiao.indicator.domain.target.TargetMeaning.Operator;
import org.jixiao.indicator.domain.target.TargetMeaning.RelativeTo;

/**
 * The JSON of a {@link TargetMeaning}: only the fields of its {@code kind} appear (unset ones are left
 * out, not null), in the order of the domain record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TargetMeaning")
public record TargetMeaningView(
        String text,
        Kind kind,
        Operator operator,
        String value,
        String upperValue,
        String unit,
        List<Quantity> values,
        LocalDate deadline,
        Frequency frequency,
        List<Integer> months,
        Integer dayOfMonth,
        Period period,
        Boolean timely,
        Direction direction,
        RelativeTo relativeTo,
        String grade,
        List<Tier> tiers) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Tier")
    public record Tier(String condition, Operator operator, String value, String upperValue, String conditionUnit,
            String amount, String unit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Quantity")
    public record Quantity(Operator operator, String value, String upperValue, String unit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Period")
    public record Period(String name, LocalDate from, LocalDate to) {
    }

    static TargetMeaningView of(TargetMeaning m) {
        return new TargetMeaningView(m.text(), m.kind(), m.operator(), m.value(), m.upperValue(), m.unit(),
                m.values() == null ? null : m.values().stream()
                        .map(q -> new Quantity(q.operator(), q.value(), q.upperValue(), q.unit())).toList(),
                m.deadline(), m.frequency(), m.months(), m.dayOfMonth(),
                m.period() == null ? null : new Period(m.period().name(), m.period().from(), m.period().to()),
                m.timely(), m.direction(), m.relativeTo(), m.grade(),
                m.tiers() == null ? null : m.tiers().stream().map(t -> new Tier(t.condition(), t.operator(), t.value(),
                        t.upperValue(), t.conditionUnit(), t.amount(), t.unit())).toList());
    }
}
