package org.jixiao.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.PublishedVersion;
import org.jixiao.reporting.repository.RevisionStore;

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
    private final RevisionStore revisions;
    private final String region;

    public OpenDataService(PublicationService publications, RevisionStore revisions,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "jixiao.report.region") String region) {
        this.publications = publications;
        this.revisions = revisions;
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
     * One 三级指标 with its 指标值 as printed, and {@code meaning} (kind, operator, value, upperValue, unit,
     * deadline): what indicator-service's grammar read from the text at the revision's pre-review (absent
     * when that check came from a producer that did not send it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(int index, String level1, String level2, String name, String target, String valueBasis, String note,
            Meaning meaning) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meaning(String kind, String operator, String value, String upperValue, String unit, String deadline) {
        static Meaning of(JsonNode reading) {
            return reading == null ? null : new Meaning(text(reading, "kind"), text(reading, "operator"), text(reading, "value"),
                    text(reading, "upperValue"), text(reading, "unit"), text(reading, "deadline"));
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }
    }

    @Transactional
    public OpenData openData(int budgetYear) {
        return of(publications.version(budgetYear, null));
    }

    @Transactional
    public OpenData of(PublishedVersion v) {
        List<Project> projects = new ArrayList<>();
        for (PublishedVersion.Row r : v.rows()) {
            projects.add(project(r));
        }
        return new OpenData(SCHEMA_PATH, region, v.budgetYear(), v.title(), v.version(), v.publishedAt(), PublicationService.UNIT,
                v.total().toPlainString(), projects);
    }

    @Transactional
    public Project project(PublishedVersion.Row r) {
        ProjectDocument d = r.document();
        Map<Integer, JsonNode> readings = revisions.readings(r.projectId(), r.revision());
        List<Target> targets = new ArrayList<>();
        if (d.indicators() != null) {
            int i = 0;
            for (ProjectDocument.IndicatorRow row : d.indicators()) {
                targets.add(new Target(i, row.level1(), row.level2(), row.name(), row.target(), row.valueBasis(), row.note(),
                        Meaning.of(readings.get(i))));
                i++;
            }
        }
        return new Project(r.seq(), r.projectId(), r.projectName(), d.name(), r.budgetUnitCode(), r.budgetUnitName(),
                r.amount().toPlainString(), r.revision(), r.approvalNumber(), r.quantifiedTargets(), d, targets);
    }
}
