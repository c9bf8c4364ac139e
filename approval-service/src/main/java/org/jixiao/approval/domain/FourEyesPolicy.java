package org.jixiao.approval.domain;

import java.util.List;
import java.util.Optional;

/**
 * 四眼原则: a stage under the rule shares no decider with any other stage of the same case, so a
 * two-stage review is never a one-person review. Decisions are compared by the actor's name, the
 * name the history records.
 */
public final class FourEyesPolicy {
    private FourEyesPolicy() {
    }

    /**
     * The earlier decision that {@code actorName} deciding stage {@code stageIndex} of the case would
     * collide with; empty when the rule lets them decide. The rule binds when either the stage being
     * decided or the stage decided earlier is under it.
     */
    public static Optional<StageDecision> collision(ReviewRoute route, int stageIndex, String actorName,
            List<StageDecision> decided) {
        boolean here = route.stage(stageIndex).fourEyes();
        return decided.stream()
                .filter(d -> d.stageIndex() != stageIndex && d.decidedBy().equals(actorName))
                .filter(d -> here || route.stage(d.stageIndex()).fourEyes())
                .findFirst();
    }

    /** The collision in words, for the refusal and for an admin's override in the history. */
    public static String describe(StageDecision earlier, ReviewRoute.Stage stage) {
        return earlier.decidedBy() + " decided stage " + earlier.stageName() + " of this case; under the four-eyes"
                + " rule (四眼原则) another reviewer decides " + stage.name();
    }
}
