package dk.trialport.registry.ctgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.support.FhirTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class CtgovReaderTest {

    @Test
    void readsEveryStudyOfAnArray() throws IOException {
        var studies = CtgovReader.readAll(FhirTestSupport.fixture());

        assertThat(studies)
                .extracting(s -> new CtgovStudy(s).nctId())
                .containsExactly("NCT06111111", "NCT06222222", "NCT06333333");
    }

    @Test
    void readsASingleStudyObject() throws IOException {
        var studies = new ArrayList<JsonNode>();
        CtgovReader.read(
                stream("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\"}}}"), studies::add);

        assertThat(studies)
                .singleElement()
                .extracting(s -> new CtgovStudy(s).nctId())
                .isEqualTo("NCT00000001");
    }

    @Test
    void rejectsAnythingElse() {
        assertThatThrownBy(() -> CtgovReader.read(stream("[1, 2]"), s -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("study object");
        assertThatThrownBy(() -> CtgovReader.read(stream("\"NCT00000001\""), s -> {}))
                .isInstanceOf(IOException.class);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
