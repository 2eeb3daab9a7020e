package cn.govdata.catalog.sheet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A workbook to download under a file name. It is written straight into the response, in the request's
 * thread: a failure while the workbook is built is still answered as a problem, before anything is sent.
 */
record WorkbookDownload(String filename, CatalogWorkbookWriter workbook) implements AutoCloseable {

    void send(HttpServletResponse response) throws IOException {
        response.setContentType(CatalogSheetLayout.XLSX_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        workbook.write(response.getOutputStream());
        response.flushBuffer();
    }

    @Override
    public void close() {
        workbook.close();
    }
}
