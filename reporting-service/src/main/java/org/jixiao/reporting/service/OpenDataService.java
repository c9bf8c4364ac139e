package org.jixiao.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.PublishedVersion;

/**
 * The latest published version of a year as machine-readable data (open-data.json, schema
 * open-data.schema.json): per project the summary columns, the frozen interchange document, and its
 * targets one by one. IATI readers: a project is an activity's result, an indicator row an indicator, its
 * 指标值 the target.
 */
@ApplicationScoped
public class OpenDataService {
    public static final String SCHEMA_PATH = "/public/v1/open-data.schema.json";

    private final PublicationService publications;
    private final String region;

    public OpenDataService(PublicationService publications,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "jixiao.report.region") String region) {
        this.publications = publications;
        this.region = region;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenData(String schema, String region, int budgetYear, String title, int version, OffsetDateTime publishedAt,
            String unit, String total, List<Project> projects) {
    }

    /**
     * {@code quantifiedTargets}: how many of {@code targets} indicator-service's grammar could read as a
     * quantity, date or grade at its pre-review (null when it did not report it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Project(int seq, UUID projectId, String projectName, String tableName, String budgetUnitCode,
            String budgetUnitName, String amount, int revision, String approvalNumber, Integer quantifiedTargets,
            ProjectDocument document, List<Target> targets) {
    }

    /**
     * One 三级指标 with its 指标值 as printed. {@code meaning} (kind, operator, value, unit, deadline) is what
     * indicator-service's grammar reads from the text; the events do not carry it yet, so it is left out here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(int index, String level1, String level2, String name, String target, String valueBasis, String note,
            Meaning meaning) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meaning(String kind, String operator, String value, String unit, String deadline) {
    }

    @Transactional
    public OpenData openData(int budgetYear) {
        return of(publications.version(budgetYear, null));
    }

    public OpenData of(PublishedVersion v) {
        List<Project> projects = new ArrayList<>();
        for (PublishedVersion.Row r : v.rows()) {
            projects.add(project(r));
        }
        return new OpenData(SCHEMA_PATH, region, v.budgetYear(), v.title(), v.version(), v.publishedAt(), PublicationService.UNIT,
                v.total().toPlainString(), projects);
    }

    public static Project project(PublishedVersion.Row r) {
        ProjectDocument d = r.document();
        List<Target> targets = new ArrayList<>();
        if (d.indicators() != null) {
            int i = 0;
            for (ProjectDocument.IndicatorRow row : d.indicators()) {
                targets.add(new Target(i++, row.level1(), row.level2(), row.name(), row.target(), row.valueBasis(), row.note(), null));
            }
        }
        return new Project(r.seq(), r.projectId(), r.projectName(), d.name(), r.budgetUnitCode(), r.budgetUnitName(),
                r.amount().toPlainString(), r.revision(), r.approvalNumber(), r.quantifiedTargets(), d, targets);
    }
}
