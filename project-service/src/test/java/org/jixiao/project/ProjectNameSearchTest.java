package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/**
 * nameContains finds exactly the names that contain the term as typed (case-sensitive, %, _ and \ literal),
 * whatever its length, alone or with the other filters and across pages, with an exact total. The projects are
 * a department of their own (977), so that other tests' projects do not take part.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class ProjectNameSearchTest {
    static final String DEPARTMENT = "977";
    static final String TOKEN = DevTokens.department(DEPARTMENT);

    /** name → budget year of the projects declared, each a draft of department 977. */
    static final Map<String, Integer> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("城区学校保安服务", 2079);
        NAMES.put("城区学前教育公用经费", 2079);
        NAMES.put("学校", 2080);
        NAMES.put("职中免学费", 2079);
        NAMES.put("乡村学校校舍维修", 2080);
        NAMES.put("学科竞赛奖励", 2079);
        NAMES.put("特殊教育学校运行经费", 2079);
        NAMES.put("学校食堂补助", 2080);
        NAMES.put("Road修缮ABC", 2079);
        NAMES.put("达标率50%专项", 2079);
        NAMES.put("a_b说明", 2079);
        NAMES.put("axb说明", 2079);
        NAMES.put("路径\\目录", 2080);
        // has both pairs of 学校学 but not the term: the pairs alone would find it
        NAMES.put("校学堂学校", 2079);
    }

    static Map<String, String> ids;

    @Test
    void shouldFindExactlyTheNamesContainingTheTermAsTyped() {
        declare();
        List<String> terms = List.of("学", "校", "学校", "学校保", "城区学校保安服务", "学校食堂补助",
                "Road", "road", "ABC", "abc", "R", "r", "%", "0%", "50%专", "_", "a_b", "x", "\\", "\\目", "不存在", "校校", "学校学");
        for (String term : terms) {
            Set<String> expected = expected(term, null);
            JsonPath page = list("nameContains", term, "size", "100");
            assertThat(page.getInt("total")).as("total for %s", term).isEqualTo(expected.size());
            assertThat(new HashSet<>(page.<String>getList("items.id"))).as("projects for %s", term).isEqualTo(expected);
        }
    }

    @Test
    void shouldCombineTheTermWithTheOtherFiltersAndPageThroughEveryMatch() {
        declare();
        for (String term : List.of("学", "学校", "学校校舍")) {
            Set<String> inYear = expected(term, 2079);
            JsonPath year = list("nameContains", term, "budgetYear", "2079", "size", "100");
            assertThat(year.getInt("total")).as("total in 2079 for %s", term).isEqualTo(inYear.size());
            assertThat(new HashSet<>(year.<String>getList("items.id"))).isEqualTo(inYear);

            assertThat(list("nameContains", term, "status", "DRAFT", "size", "100").getInt("total"))
                    .isEqualTo(expected(term, null).size());
            assertThat(list("nameContains", term, "status", "APPROVED").getInt("total")).isZero();
            JsonPath admin = JsonPath.from(given().auth().oauth2(DevTokens.admin())
                    .queryParams(Map.of("nameContains", term, "departmentCode", DEPARTMENT, "size", "100"))
                    .get("/api/v1/projects").then().statusCode(200).extract().asString());
            assertThat(new HashSet<>(admin.<String>getList("items.id"))).isEqualTo(expected(term, null));

            for (String sort : List.of("name", "-funding", "-updatedAt")) {
                List<String> seen = new ArrayList<>();
                for (int page = 0; page < 5; page++) {
                    JsonPath p = list("nameContains", term, "sort", sort, "size", "2", "page", String.valueOf(page));
                    assertThat(p.getInt("total")).isEqualTo(expected(term, null).size());
                    seen.addAll(p.getList("items.id"));
                }
                assertThat(seen).as("every page of %s sorted by %s", term, sort).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected(term, null));
            }
        }
    }

    static JsonPath list(String... query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        return JsonPath.from(given().auth().oauth2(TOKEN).queryParams(params).get("/api/v1/projects")
                .then().statusCode(200).extract().asString());
    }

    /** The projects whose name contains {@code term} as Java compares strings, in {@code year} if given. */
    static Set<String> expected(String term, Integer year) {
        Set<String> found = new HashSet<>();
        NAMES.forEach((name, y) -> {
            if (name.contains(term) && (year == null || year.equals(y))) {
                found.add(ids.get(name));
            }
        });
        return found;
    }

    static synchronized void declare() {
        if (ids != null) {
            return;
        }
        Map<String, String> created = new LinkedHashMap<>();
        NAMES.forEach((name, year) -> {
            ObjectNode doc = ProjectApiTest.draftDocument("JC-CQ-2025-004");
            doc.put("name", name).put("budgetYear", year).put("departmentCode", DEPARTMENT)
                    .put("budgetUnitCode", DEPARTMENT + "001");
            created.put(name, ProjectApiTest.create(TOKEN, doc));
        });
        ids = created;
    }
}
