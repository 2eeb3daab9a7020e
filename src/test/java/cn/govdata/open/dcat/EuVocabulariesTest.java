package cn.govdata.open.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.EntryContent.UpdateCycle;

/** The documented mapping tables cover the catalog's every subject and update cycle. */
class EuVocabulariesTest {

    @Test
    void everyBaseAndThematicSubjectHasItsEuThemes() {
        Classification.BASE_SUBJECTS.keySet().forEach(item -> assertThat(EuVocabularies.covers(Category.BASE, item))
                .as("base " + item).isTrue());
        Classification.THEMATIC_SUBJECTS.keySet().forEach(item -> assertThat(
                EuVocabularies.covers(Category.THEMATIC, item)).as("thematic " + item).isTrue());
        assertThat(EuVocabularies.themes(new Classification(Category.BASE, "03", null, null)))
                .extracting(EuVocabularies.Theme::code).containsExactly("ENVI", "REGI");
        assertThat(EuVocabularies.themes(new Classification(Category.DEPARTMENT, "01", "001", null)))
                .extracting(EuVocabularies.Theme::code).containsExactly("GOVE");
    }

    @Test
    void everyUpdateCycleHasAnEuFrequency() {
        for (UpdateCycle cycle : UpdateCycle.values()) {
            assertThat(EuVocabularies.frequency(cycle))
                    .startsWith("http://publications.europa.eu/resource/authority/frequency/");
        }
        assertThat(EuVocabularies.frequency(UpdateCycle.HALF_YEARLY)).endsWith("/ANNUAL_2");
        assertThat(EuVocabularies.frequency(UpdateCycle.REALTIME)).endsWith("/UPDATE_CONT");
    }
}
