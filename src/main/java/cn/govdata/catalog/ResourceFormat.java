package cn.govdata.catalog;

import java.util.List;

/**
 * The format of a resource (信息资源格式) with its sub-formats, as in the national compilation guide. An
 * entry names one format and, except for {@link #OTHER}, one of its sub-formats.
 */
public enum ResourceFormat {
    ELECTRONIC_FILE("电子文件", List.of("OFD", "PDF", "DOC", "DOCX", "WPS", "TXT", "RTF")),
    SPREADSHEET("电子表格", List.of("XLS", "XLSX", "ET", "CSV")),
    DATABASE("数据库", List.of("DM", "KingbaseES", "GaussDB", "OceanBase", "PostgreSQL", "MySQL", "Oracle", "SQL Server",
            "Other")),
    IMAGE("图形图像", List.of("JPG", "PNG", "GIF", "TIFF", "BMP", "SVG")),
    STREAMING_MEDIA("流媒体", List.of("MP4", "AVI", "WMV", "MPG", "FLV", "MP3", "WAV")),
    SELF_DESCRIBING("自描述格式", List.of("XML", "JSON")),
    SERVICE_INTERFACE("服务接口", List.of("REST", "WebService", "Other")),
    OTHER("其他", List.of());

    private final String zh;
    private final List<String> subFormats;

    ResourceFormat(String zh, List<String> subFormats) {
        this.zh = zh;
        this.subFormats = subFormats;
    }

    public String zh() {
        return zh;
    }

    public List<String> subFormats() {
        return subFormats;
    }

    /** The listed sub-format matching the given one regardless of case, or null if it is not listed. */
    public String canonicalSubFormat(String subFormat) {
        if (subFormat == null) {
            return null;
        }
        return subFormats.stream().filter(s -> s.equalsIgnoreCase(subFormat.strip())).findFirst().orElse(null);
    }
}
