package cn.govdata.org.cdo;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.org.cdo.AppointmentDocuments.Document;
import cn.govdata.org.cdo.AppointmentDocuments.Owner;
import cn.govdata.shared.Actor;
import cn.govdata.shared.StoredFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Documents of a chief data officer's appointment, and the download of every document of appointment. */
@RestController
@Tag(name = "Organisation", description = "regions, departments and their rosters")
class AppointmentDocumentController {

    private final AppointmentDocuments documents;

    AppointmentDocumentController(AppointmentDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v1/org/chief-data-officers/{id}/documents")
    @Operation(summary = "The documents of a chief data officer's appointment")
    List<Document> officerDocuments(@PathVariable long id) {
        return documents.visibleOf(Actor.require(), Owner.OFFICER, id);
    }

    @PostMapping(path = "/api/v1/org/chief-data-officers/{id}/documents",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach the document of a chief data officer's appointment (PDF, JPEG, PNG)")
    Document addOfficerDocument(@PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        return documents.addToAppointment(Actor.require(), Owner.OFFICER, id, file);
    }

    @GetMapping("/api/v1/org/appointment-documents/{id}")
    @Operation(summary = "Download a document of appointment (the department and the data authority; audited)")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        AppointmentDocuments.Download download = documents.download(Actor.require(), id);
        StoredFiles.serve(download.file(), download.document().contentType(), download.document().fileName(), response);
    }
}
