package cn.govdata.lake.source;

import org.springframework.context.MessageSourceResolvable;

/**
 * What is wrong with a bulk file that cannot be read. Each fault is its own message
 * ({@code lake.fault.<NAME>}), so the problem detail names it in the caller's language.
 */
enum SourceFault implements MessageSourceResolvable {
    NO_HEADER("it has no header row."),
    CSV_SYNTAX("the CSV syntax is broken (for example a quoted value is not closed)."),
    EXTRA_VALUES("the row has values in columns that have no header."),
    ENCODING("the bytes are not valid text in the file's encoding (UTF-8, or GB18030/GBK); save the file as UTF-8."),
    INVALID_JSON("the line is not valid JSON."),
    NOT_A_FLAT_OBJECT("each line must be one JSON object whose values are strings, numbers, true, false or null."),
    DUPLICATE_FIELD("the line gives the same data item twice."),
    LINE_TOO_LONG("the line is longer than 1 MiB."),
    NOT_XLSX("it is not an .xlsx workbook, or the file is damaged or incomplete."),
    XLS_OR_ENCRYPTED("it is an Excel 97-2003 .xls file or an encrypted workbook; save it as an unencrypted .xlsx file."),
    ZIP_BOMB("its content expands far beyond its size (zip bomb protection)."),
    NO_SHEET("the workbook has no sheet."),
    IO("the file could not be read from storage.");

    private final String english;

    SourceFault(String english) {
        this.english = english;
    }

    @Override
    public String[] getCodes() {
        return new String[] { "lake.fault." + name() };
    }

    @Override
    public String getDefaultMessage() {
        return english;
    }

    @Override
    public String toString() {
        return english;
    }
}
