package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.portal.Highlights.Segment;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    @Test
    void marksBecomeMarkedSegmentsEverythingElseStaysText() {
        assertThat(Highlights.segments("Kost <script>x</script> ved <mark>diabetes</mark>!"))
                .containsExactly(
                        new Segment("Kost <script>x</script> ved ", false),
                        new Segment("diabetes", true),
                        new Segment("!", false));
    }

    @Test
    void anUnclosedMarkIsText() {
        assertThat(Highlights.segments("a <mark>b")).containsExactly(new Segment("a <mark>b", false));
    }

    @Test
    void plainDropsTheMarks() {
        assertThat(Highlights.plain("<mark>Type</mark> 2 <mark>diabetes</mark>"))
                .isEqualTo("Type 2 diabetes");
    }
}
