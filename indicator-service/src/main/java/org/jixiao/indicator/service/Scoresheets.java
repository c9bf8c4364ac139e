package org.jixiao.indicator.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.indicator.domain.evaluation.Scorecard;
import org.jixiao.indicator.domain.evaluation.Scoring;

/** A scored table as the events carry it: points rounded once for display, completions to four places. */
final class Scoresheets {
    private Scoresheets() {
    }

    static Scoresheet of(Scorecard s) {
        return new Scoresheet(points(s.total()), s.grade(),
                s.parts().stream().map(p -> new Scoresheet.Part(p.part(), points(p.weight()), points(p.score()),
                        p.rows().stream().map(r -> new Scoresheet.Row(r.index(), r.name(), r.kind(), points(r.weight()),
                                r.completion().setScale(4, RoundingMode.HALF_UP).toPlainString(), points(r.score()),
                                r.subjective(), r.basis())).toList())).toList(),
                s.capsApplied().stream().map(c -> new Scoresheet.Cap(c.executionRateBelow().toPlainString(),
                        points(c.maxTotal()), points(c.totalBefore()))).toList(),
                points(s.subjectivePoints()));
    }

    private static String points(BigDecimal exact) {
        return Scoring.display(exact).toPlainString();
    }
}
