package org.jixiao.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.contract.Json;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.reporting.domain.MonitoringRecord;
import org.jixiao.reporting.domain.MonitoringTable;
import org.jixiao.reporting.domain.SelfEvaluationTable;
import org.jixiao.reporting.domain.YearViewRow;
import org.jixiao.reporting.repository.MonitoringRepository;

/**
 * The 双监控 and 自评 tables from the read model: 项目支出绩效运行监控表 per project and period, 项目支出绩效自评表
 * from the final report of a year, and the year view of every project's latest status. A department sees its
 * own department's projects only; another's are as absent as missing ones (404).
 */
@ApplicationScoped
public class MonitoringService {
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    private final MonitoringRepository reports;
    private final ObjectMapper json;
    private final String region;

    public MonitoringService(MonitoringRepository reports, ObjectMapper json,
            @ConfigProperty(name = "jixiao.report.region") String region) {
        this.reports = reports;
        this.json = json;
        this.region = region;
    }

    @Transactional
    public MonitoringTable monitoringTable(UUID projectId, String period, Actor actor) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw DomainException.invalid("invalid-parameter", "Invalid parameter", "period " + period
                    + " is not a month written YYYY-MM", List.of(new Violation("period", "a month written YYYY-MM, e.g. 2025-07")));
        }
        MonitoringRecord record = visible(projectId, period, actor, "monitoring report of " + period + " of project");
        MonitoringAssessed a = Json.read(json, record.content(), MonitoringAssessed.class);
        Map<Integer, MonitoringLine> lines = lines(a);
        List<MonitoringTable.Row> rows = new ArrayList<>();
        for (MonitoringAssessed.RowStatus s : a.assessment().rows() == null ? List.<MonitoringAssessed.RowStatus>of() : a.assessment().rows()) {
            MonitoringLine line = lines.get(s.index());
            rows.add(new MonitoringTable.Row(s.index(), s.level1(), s.level2(), s.name(), s.target(),
                    line == null ? null : line.actual(), line == null ? null : line.forecast(), s.status(), s.flags(),
                    line == null ? null : line.deviationCause(), line == null ? null : line.note(),
                    line == null ? null : line.likelihood()));
        }
        return new MonitoringTable(region, projectId, record.projectName(), record.departmentCode(), record.departmentName(),
                record.budgetYear(), record.period(), record.asOf(), record.reportRevision(), record.finalReport(),
                record.overall(), new MonitoringTable.Budget(record.funding(), record.spent(), record.executionRate(),
                        record.timeProgress(), record.lagPoints(), record.budgetStatus()), rows, a.measures());
    }

    /** From the report of period YYYY-12 when it is the final one (自评); 404 when there is none. */
    @Transactional
    public SelfEvaluationTable selfEvaluation(UUID projectId, int budgetYear, Actor actor) {
        String period = budgetYear + "-12";
        MonitoringRecord record = visible(projectId, period, actor, "final report (自评) of " + budgetYear + " of project");
        if (!record.finalReport()) {
            throw DomainException.notFound("final report (自评) of " + budgetYear + " of project", projectId);
        }
        MonitoringAssessed a = Json.read(json, record.content(), MonitoringAssessed.class);
        Map<Integer, MonitoringLine> lines = lines(a);
        Map<Integer, MonitoringAssessed.RowStatus> assessed = new HashMap<>();
        if (a.assessment().rows() != null) {
            a.assessment().rows().forEach(r -> assessed.put(r.index(), r));
        }
        Scoresheet score = a.scoreUnavailable() == null ? a.score() : null;
        List<SelfEvaluationTable.Part> parts = new ArrayList<>();
        List<SelfEvaluationTable.Row> rows = new ArrayList<>();
        List<SelfEvaluationTable.Cap> caps = new ArrayList<>();
        if (score != null) {
            for (Scoresheet.Part part : score.parts() == null ? List.<Scoresheet.Part>of() : score.parts()) {
                parts.add(new SelfEvaluationTable.Part(part.part(), decimal(part.weight()), decimal(part.score())));
                for (Scoresheet.Row r : part.rows() == null ? List.<Scoresheet.Row>of() : part.rows()) {
                    MonitoringAssessed.RowStatus s = assessed.get(r.index());
                    MonitoringLine line = lines.get(r.index());
                    rows.add(new SelfEvaluationTable.Row(r.index(), part.part(), s == null ? null : s.level2(),
                            r.name() != null ? r.name() : s == null ? null : s.name(), s == null ? null : s.target(),
                            line == null ? null : line.actual(), decimal(r.weight()), decimal(r.completion()),
                            decimal(r.score()), r.subjective(), r.basis(), justification(line)));
                }
            }
            if (score.capsApplied() != null) {
                score.capsApplied().forEach(c -> caps.add(new SelfEvaluationTable.Cap(decimal(c.executionRateBelow()),
                        decimal(c.maxTotal()), decimal(c.totalBefore()))));
            }
        } else {
            // no score: the rows as the department reported them, so the table still shows what was achieved
            for (MonitoringAssessed.RowStatus s : assessed.values().stream()
                    .sorted(java.util.Comparator.comparingInt(MonitoringAssessed.RowStatus::index)).toList()) {
                MonitoringLine line = lines.get(s.index());
                rows.add(new SelfEvaluationTable.Row(s.index(), s.level1(), s.level2(), s.name(), s.target(),
                        line == null ? null : line.actual(), null, line == null ? null : decimal(line.completion()), null,
                        false, null, justification(line)));
            }
        }
        String unavailable = a.scoreUnavailable() != null ? a.scoreUnavailable()
                : score == null ? "indicator-service sent no score" : null;
        return new SelfEvaluationTable(region, projectId, record.projectName(), record.departmentCode(),
                record.departmentName(), budgetYear, record.asOf(), record.reportRevision(),
                new SelfEvaluationTable.Budget(record.funding(), record.spent(), record.executionRate()), parts, rows,
                score == null ? null : decimal(score.total()), score == null ? null : score.grade(), caps, unavailable);
    }

    /** A department sees its own department's projects only, whatever it asks for. */
    @Transactional
    public Page<YearViewRow> yearView(YearViewRow.Filter filter, PageRequest page, Actor actor) {
        return reports.yearView(restricted(filter, actor), page);
    }

    /**
     * Every row of the year view in its order, for the spreadsheet: one query whose rows {@code write} reads as the
     * database sends them (a fetch batch at a time), inside this transaction.
     */
    @Transactional
    public void eachOfYearView(YearViewRow.Filter filter, Actor actor, Consumer<Iterable<YearViewRow>> write) {
        try (Stream<YearViewRow> rows = reports.yearViewRows(restricted(filter, actor))) {
            write.accept(rows::iterator);
        }
    }

    private static YearViewRow.Filter restricted(YearViewRow.Filter filter, Actor actor) {
        return actor.restrictedToDepartment()
                .map(own -> new YearViewRow.Filter(filter.budgetYear(), own, filter.status())).orElse(filter);
    }

    private MonitoringRecord visible(UUID projectId, String period, Actor actor, String what) {
        return reports.find(projectId, period).filter(r -> actor.mayAccessDepartment(r.departmentCode()))
                .orElseThrow(() -> DomainException.notFound(what, projectId));
    }

    private static Map<Integer, MonitoringLine> lines(MonitoringAssessed a) {
        Map<Integer, MonitoringLine> byIndex = new HashMap<>();
        if (a.indicators() != null) {
            a.indicators().forEach(l -> byIndex.putIfAbsent(l.index(), l));
        }
        return byIndex;
    }

    private static String justification(MonitoringLine line) {
        if (line == null) {
            return null;
        }
        return line.justification() != null ? line.justification() : line.note();
    }

    /** A score figure the producer left blank, or wrote unreadably, prints as an empty cell rather than failing the table. */
    private static BigDecimal decimal(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
