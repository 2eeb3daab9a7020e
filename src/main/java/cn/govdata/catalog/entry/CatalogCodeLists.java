package cn.govdata.catalog.entry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;

/** The code lists an entry's fields take, as the console's forms offer them (classifications, formats, types …). */
final class CatalogCodeLists {

    private CatalogCodeLists() {
    }

    static Map<String, Object> all() {
        Map<String, Object> vocabulary = new LinkedHashMap<>();
        vocabulary.put("baseSubjects", Classification.BASE_SUBJECTS);
        vocabulary.put("thematicSubjects", Classification.THEMATIC_SUBJECTS);
        Map<String, Object> formats = new LinkedHashMap<>();
        for (ResourceFormat format : ResourceFormat.values()) {
            formats.put(format.name(), Map.of("zh", format.zh(), "subFormats", format.subFormats()));
        }
        vocabulary.put("formats", formats);
        Map<String, Object> types = new LinkedHashMap<>();
        for (DataItem.DataType type : DataItem.DataType.values()) {
            types.put(type.name(), Map.of("letter", type.letter(), "zh", type.zh()));
        }
        vocabulary.put("dataTypes", types);
        vocabulary.put("sensitivities", Arrays.asList(DataItem.Sensitivity.values()));
        vocabulary.put("shareMethods", Arrays.asList(EntryContent.ShareMethod.values()));
        vocabulary.put("updateCycles", Arrays.asList(EntryContent.UpdateCycle.values()));
        vocabulary.put("legalBasisKinds", Arrays.asList(LegalBasis.Kind.values()));
        vocabulary.put("obligationTriggers", Arrays.asList(UpdateObligations.Trigger.values()));
        return vocabulary;
    }
}
