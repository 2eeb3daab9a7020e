package cn.govdata.notice;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.notice.Inbox.Notice;
import cn.govdata.notice.Inbox.Page;
import cn.govdata.notice.NoticeSettings.Preference;
import cn.govdata.notice.NoticeSettings.Webhook;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's inbox, their e-mail and SMS preference, and the departments' webhooks. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "the inbox of notices, by e-mail, SMS and webhook too")
class NoticeController {

    private final Inbox inbox;
    private final NoticeSettings settings;

    NoticeController(Inbox inbox, NoticeSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "My notices, unread first, newest first, paged")
    Page mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.mine(Actor.require(), page, size);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unread() {
        return Map.of("unread", inbox.unread(Actor.require()));
    }

    @PostMapping("/{id}/read")
    Notice markRead(@PathVariable long id) {
        return inbox.markRead(Actor.require(), id);
    }

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead(Actor.require()));
    }

    @GetMapping("/preference")
    Preference preference() {
        return settings.preference(Actor.require());
    }

    record PreferenceRequest(String email, Boolean emailEnabled, String mobile, Boolean smsEnabled) {
    }

    @PutMapping("/preference")
    @Operation(summary = "Receive my notices by e-mail or SMS as well (when the platform has a mail server, an SMS "
            + "gateway); a pair left out is kept; an empty address or number with its channel off forgets it")
    Preference changePreference(@RequestBody PreferenceRequest request) {
        return settings.changePreference(Actor.require(), request.email(), request.emailEnabled(), request.mobile(),
                request.smsEnabled());
    }

    record WebhookRequest(String url) {
    }

    @GetMapping("/webhooks/{departmentId}")
    Webhook webhook(@PathVariable long departmentId) {
        return settings.webhook(Actor.require(), departmentId);
    }

    @PutMapping("/webhooks/{departmentId}")
    @Operation(summary = "Send a department's notices to its system too (the authority's system administrator)")
    Webhook setWebhook(@PathVariable long departmentId, @RequestBody WebhookRequest request) {
        return settings.setWebhook(Actor.require(), departmentId, request.url());
    }

    @DeleteMapping("/webhooks/{departmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeWebhook(@PathVariable long departmentId) {
        settings.removeWebhook(Actor.require(), departmentId);
    }
}
