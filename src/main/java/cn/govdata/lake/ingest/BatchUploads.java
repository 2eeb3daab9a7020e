package cn.govdata.lake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.govdata.lake.ingest.BulkIngestion.BatchReport;
import cn.govdata.lake.ingest.BulkIngestion.BatchRequest;
import cn.govdata.lake.ingest.BulkIngestion.Mode;
import cn.govdata.lake.source.SourceFormat;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * An uploaded file becomes a batch: its format and encoding are decided (the format from the file name unless
 * given), the file is kept in the lake's upload area for the batch to read, and the batch is submitted. A file
 * whose batch is not started is deleted at once; {@link BulkIngestion} deletes it when the batch ends.
 */
@Service
class BatchUploads {

    /** What the uploader chose besides the file; a blank format or encoding is decided from the file. */
    record Options(String format, String encoding, Mode mode, boolean acceptValid, boolean confirmReplace) {
    }

    private final BulkIngestion ingestion;
    private final Path uploads;

    BatchUploads(BulkIngestion ingestion, @Value("${govdata.data-dir}") String dataDir) {
        this.ingestion = ingestion;
        this.uploads = Path.of(dataDir, "lake", "uploads");
    }

    BatchReport submit(Actor actor, long datasetId, String fileName, InputStream content, Options options,
            String clientAddress, Locale language) throws IOException {
        String name = fileName == null ? "upload" : fileName;
        BatchRequest request = new BatchRequest(name, format(options.format(), name), charset(options.encoding()),
                options.mode(), options.acceptValid(), options.confirmReplace(), clientAddress, language);
        Files.createDirectories(uploads);
        Path stored = Files.createTempFile(uploads, "batch-", ".upload");
        try (content) {
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
            return ingestion.submit(actor, datasetId, request, stored);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(stored);
            throw e;
        }
    }

    private static SourceFormat format(String format, String fileName) {
        String value = format != null && !format.isBlank() ? format.strip().toUpperCase(Locale.ROOT)
                : fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "XLSX"
                : fileName.toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson)$") ? "JSON_LINES" : "CSV";
        try {
            return SourceFormat.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("format"), "CSV / XLSX / JSON_LINES");
        }
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("encoding"), "UTF-8 / GBK / GB18030");
        }
    }
}
