package cn.govdata.security.incident;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.security.SecurityAccess;
import cn.govdata.security.incident.Incidents.Incident;
import cn.govdata.security.incident.Incidents.IncidentForm;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Security incidents (SEC-5): the administrator's register, the departments' notices, the report. */
@RestController
@RequestMapping("/api/v1/security")
@Tag(name = "Security", description = "incidents and risk self-assessments")
class IncidentController {

    record Text(String text) {
    }

    private final Incidents incidents;
    private final IncidentSignals signals;

    IncidentController(Incidents incidents, IncidentSignals signals) {
        this.incidents = incidents;
        this.signals = signals;
    }

    @PostMapping("/incidents")
    @Operation(summary = "Register an incident: type, grade (GB/T 20986), title, description, affected catalog entries "
            + "and departments (notified at once)")
    ResponseEntity<Incident> register(@RequestBody IncidentForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.register(Actor.require(), form));
    }

    @GetMapping("/incidents")
    List<Incident> list() {
        return incidents.list(Actor.require());
    }

    @GetMapping("/incidents/{id}")
    Incident get(@PathVariable long id) {
        return incidents.get(Actor.require(), id);
    }

    @PostMapping("/incidents/{id}/confirm")
    @Operation(summary = "Confirm a draft raised automatically, completing it as a registration")
    Incident confirm(@PathVariable long id, @RequestBody IncidentForm form) {
        return incidents.confirm(Actor.require(), id, form);
    }

    @PostMapping("/incidents/{id}/actions")
    @Operation(summary = "Add an action to the incident's timeline")
    Incident action(@PathVariable long id, @RequestBody Text action) {
        return incidents.addAction(Actor.require(), id, action.text());
    }

    @PostMapping("/incidents/{id}/close")
    Incident close(@PathVariable long id, @RequestBody Text conclusion) {
        return incidents.close(Actor.require(), id, conclusion.text());
    }

    @GetMapping("/incidents/{id}/report")
    @Operation(summary = "The incident report as plain text (UTF-8)")
    ResponseEntity<String> report(@PathVariable long id) {
        Incident incident = incidents.get(Actor.require(), id);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + ".txt\"")
                .body(IncidentReport.text(incident));
    }

    @PostMapping("/incidents/scan")
    @Operation(summary = "Look for suspicious patterns in the audit log now (it is also done every 10 minutes)")
    Map<String, Integer> scan() {
        SecurityAccess.requireSecurityAdministrator(Actor.require());
        return Map.of("raised", signals.scan());
    }

    @GetMapping("/incident-notices")
    @Operation(summary = "The incidents that affect the caller's department")
    List<Incident> notices() {
        return incidents.notices(Actor.require());
    }
}
