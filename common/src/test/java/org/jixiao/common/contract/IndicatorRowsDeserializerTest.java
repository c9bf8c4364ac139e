package org.jixiao.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

class IndicatorRowsDeserializerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROW = "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"保障学校\",\"target\":\"≥62所\"}";

    static String rows(int n) {
        return String.join(",", java.util.Collections.nCopies(n, ROW));
    }

    @Test
    void shouldReadATableOf200RowsWithItsNullRowsKept() throws Exception {
        ProjectDocument d = JSON.readValue("{\"indicators\":[" + rows(199) + ",null]}", ProjectDocument.class);
        assertThat(d.indicators()).hasSize(200).last().isNull();
        assertThat(d.indicators().get(0).target()).isEqualTo("≥62所");
    }

    @Test
    void shouldStopAtThe201stRowWithoutParsingTheRestOfTheBody() {
        // what follows row 200 is not even JSON: the limit answers before the parser gets there
        String body = "{\"indicators\":[" + rows(200) + ",{\"name\":\"x\"} @@@ not json";
        assertThatThrownBy(() -> JSON.readValue(body, ProjectDocument.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("at most 200 indicator rows");
    }
}
