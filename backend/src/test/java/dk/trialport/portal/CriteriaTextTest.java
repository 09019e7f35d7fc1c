package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.portal.CriteriaText.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaTextTest {

    @Test
    void headingsListsAndParagraphs() {
        var blocks = CriteriaText.blocks("""
        ## Inclusion
        - Adults with **type 2** diabetes
        - HbA1c above 53,
          measured twice

        Exclusion criteria:

        1. Pregnancy
        2) Kidney disease
        Other conditions are judged
        by the doctor.""");

        assertThat(blocks)
                .containsExactly(
                        new Block("heading", List.of("Inclusion")),
                        new Block("bullets", List.of("Adults with type 2 diabetes", "HbA1c above 53, measured twice")),
                        new Block("heading", List.of("Exclusion criteria:")),
                        new Block("numbers", List.of("Pregnancy", "Kidney disease")),
                        new Block("paragraph", List.of("Other conditions are judged", "by the doctor.")));
    }

    @Test
    void markupStaysText() {
        assertThat(CriteriaText.blocks("<script>alert(1)</script>"))
                .containsExactly(new Block("paragraph", List.of("<script>alert(1)</script>")));
    }

    @Test
    void noCriteriaNoBlocks() {
        assertThat(CriteriaText.blocks(null)).isEmpty();
        assertThat(CriteriaText.blocks("  \n ")).isEmpty();
    }
}
