package cn.govdata.federation.remote;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.federation.peer.PeerClient.Answer;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Cross-platform sharing, the applicant's side (SHR-10): applications to other platforms, and uses relayed there. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Federation", description = "peers, catalog cascade, harvesting and cross-platform sharing")
class RemoteApplicationController {

    private final RemoteApplications applications;
    private final RelayedUses relay;

    RemoteApplicationController(RemoteApplications applications, RelayedUses relay) {
        this.applications = applications;
        this.relay = relay;
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "A lower platform's entry (its id here) as a department reads it before applying: items, "
            + "share type and condition, the materials asked for, whether this platform is linked to apply there")
    RemoteApplications.ForeignEntryView entry(@PathVariable long id) {
        return applications.entry(Actor.require(), id);
    }

    @PostMapping("/applications")
    @Operation(summary = "Apply for a lower platform's entry (its id here) through "
            + "that platform: items, purpose, useScenario, legalDuty, period, ways (QUERY, VERIFICATION), systems "
            + "(this department's, which will use it through this platform); a department's data user")
    ResponseEntity<RemoteApplication> apply(@RequestBody RemoteApplications.Form form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.apply(Actor.require(), form));
    }

    @GetMapping("/applications")
    List<RemoteApplication> list() {
        return applications.list(Actor.require());
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "The application as the providing platform answers now "
            + "(status, due date, decision, grant); as last seen if it does not answer")
    RemoteApplication get(@PathVariable long id) {
        return applications.get(Actor.require(), id);
    }

    @PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JsonNode> attach(@PathVariable long id, @RequestParam(required = false) String material,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.attach(Actor.require(), id, material,
                file));
    }

    @PostMapping("/applications/{id}/submit")
    RemoteApplication submit(@PathVariable long id) {
        return applications.submit(Actor.require(), id);
    }

    @PostMapping("/data/{entryId}/query")
    @Operation(summary = "检索查询 of another platform's data under its grant, "
            + "relayed there; the request and answer as for this platform's /api/v1/share/data/{entry}/query")
    ResponseEntity<String> query(@PathVariable long entryId, @RequestBody(required = false) JsonNode request) {
        return relayed(relay.relay(Actor.require(), entryId, RelayedUses.Operation.QUERY, request));
    }

    @PostMapping("/data/{entryId}/verification")
    @Operation(summary = "比对验证 of another platform's data under its grant, relayed")
    ResponseEntity<String> verify(@PathVariable long entryId, @RequestBody(required = false) JsonNode request) {
        return relayed(relay.relay(Actor.require(), entryId, RelayedUses.Operation.VERIFICATION, request));
    }

    /** The providing platform's answer as it came: its status, and its JSON (data, or its problem). */
    private static ResponseEntity<String> relayed(Answer answer) {
        MediaType type = answer.ok() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
        return ResponseEntity.status(answer.status()).contentType(type).body(answer.body());
    }
}
