package cn.govdata.lake.quality;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A code list (代码表): the values an item may take, compared exactly after stripping surrounding blanks.
 * National code lists that catalog items name as their value standard are built in; a department or the
 * data authority adds its own as extension rules.
 *
 * @param name how reports name the list, e.g. {@code GB/T 2261.1}
 * @param values the allowed codes
 */
record CodeList(String name, Set<String> values) implements ValueStandard {

    /** GB/T 2261.1-2003 人的性别代码: 0 未知, 1 男, 2 女, 9 未说明. */
    static final CodeList SEX = new CodeList("GB/T 2261.1", CodeMeanings.SEX.keySet());

    /** GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码: 01 汉族 … 56 基诺族, 97 其他, 98 外国血统中国籍人士. */
    static final CodeList ETHNIC_GROUP = new CodeList("GB/T 3304", CodeMeanings.ETHNIC_GROUP.keySet());

    CodeList {
        if (name == null || name.isBlank() || values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a code list needs a name and at least one value");
        }
        values = Set.copyOf(values.stream().map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public boolean personal() {
        return false;
    }

    @Override
    public boolean accepts(String value) {
        return values.contains(value);
    }

    @Override
    public Refusal refusal(String value) {
        return new Refusal(ReasonCode.CODE_LIST, name);
    }
}
