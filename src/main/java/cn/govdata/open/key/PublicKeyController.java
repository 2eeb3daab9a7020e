package cn.govdata.open.key;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.account.PublicAccess;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** A public account holder's API keys for the open-data API: create (the key shown once), list with usage, revoke. */
@RestController
@RequestMapping("/api/v1/public/account/keys")
@Tag(name = "Public API keys", description = "keys for the open-data API, with quotas and usage (开发者中心)")
class PublicKeyController {

    private final ApiKeys keys;

    PublicKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** A key as its holder sees it: never the key itself, only its first characters. */
    record KeyView(long id, String name, String prefix, int dailyQuota, int perMinute, int callsToday,
            OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, boolean active) {
    }

    record CreateRequest(@Size(max = 200) String name, Integer dailyQuota, Integer perMinute) {
    }

    /** The key just created, with the secret shown this once. */
    record CreatedView(KeyView key, String secret) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a key; the answer shows it once (send it as Authorization: <key>)")
    CreatedView create(@Valid @RequestBody CreateRequest request, HttpServletRequest http) {
        ApiKeys.Created created = keys.create(holder(), request.name(), request.dailyQuota(), request.perMinute(),
                http.getRemoteAddr());
        return new CreatedView(view(created.key()), created.secret());
    }

    @GetMapping
    List<KeyView> mine() {
        return keys.mine(holder()).stream().map(this::view).toList();
    }

    record DayView(LocalDate day, int calls, int refused) {
    }

    @GetMapping("/{id}/usage")
    @Operation(summary = "The key's calls per Beijing day, newest first (the last 90 days with calls)")
    List<DayView> usage(@PathVariable long id) {
        return keys.usage(keys.own(holder(), id), 90).stream()
                .map(d -> new DayView(d.day(), d.calls(), d.refused())).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key: calls with it are anyone's from now on")
    KeyView revoke(@PathVariable long id, HttpServletRequest http) {
        return view(keys.revoke(holder(), id, http.getRemoteAddr()));
    }

    private KeyView view(ApiKey key) {
        return new KeyView(key.id(), key.name(), key.prefix(), key.dailyQuota(), key.perMinute(),
                keys.callsToday(key), key.createdAt(), key.lastUsedAt(), key.revokedAt(), key.active());
    }

    private static long holder() {
        return PublicAccess.requireAccountHolder(Actor.require());
    }
}
