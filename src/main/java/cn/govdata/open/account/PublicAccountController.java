package cn.govdata.open.account;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.security.PublicSessions;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Public accounts on the open-data portal: a challenge, a verification code, registration and login (anonymous),
 * then the holder's own profile, password, notices and deletion (with the account's token).
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public accounts", description = "registration with a verification code, login, own profile (开放平台公众账号)")
class PublicAccountController {

    private final PublicAccounts accounts;
    private final Challenges challenges;
    private final Notices notices;

    PublicAccountController(PublicAccounts accounts, Challenges challenges, Notices notices) {
        this.accounts = accounts;
        this.challenges = challenges;
        this.notices = notices;
    }

    @PostMapping("/challenges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A challenge to answer (asked for after failures from the caller's address)")
    Challenges.Challenge challenge(HttpServletRequest http) {
        return challenges.create(ProblemResponses.localeOf(http));
    }

    record CodeRequest(@NotNull MessageChannel channel, @NotNull @Size(max = 254) String address,
            @Size(max = 36) String challengeId, @Size(max = 10) String challengeAnswer) {
    }

    @PostMapping("/codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a registration code to a mobile number (SMS) or an e-mail address")
    VerificationCodes.Sent sendCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return accounts.sendRegistrationCode(request.channel(), request.address(),
                new PublicAccounts.ChallengeAnswer(request.challengeId(), request.challengeAnswer()),
                http.getRemoteAddr(), ProblemResponses.localeOf(http));
    }

    record RegistrationRequest(@NotNull @Size(max = 36) String codeId, @NotNull @Size(max = 10) String code,
            @NotNull PublicAccountKind kind, @Size(max = 200) String name, @Size(max = 18) String creditCode,
            @NotNull @Size(max = 128) String password, Boolean notifyByMessage, @Size(max = 36) String challengeId,
            @Size(max = 10) String challengeAnswer) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register with the code received")
    PublicAccounts.Profile register(@Valid @RequestBody RegistrationRequest request, HttpServletRequest http) {
        return accounts.register(request.codeId(), request.code(),
                new PublicAccounts.Registration(request.kind(), request.name(), request.creditCode(), request.password(),
                        Boolean.TRUE.equals(request.notifyByMessage())),
                new PublicAccounts.ChallengeAnswer(request.challengeId(), request.challengeAnswer()),
                http.getRemoteAddr());
    }

    record LoginRequest(@NotNull @Size(max = 254) String login, @NotNull @Size(max = 128) String password,
            @Size(max = 36) String challengeId, @Size(max = 10) String challengeAnswer) {
    }

    record LoginResponse(String token, OffsetDateTime expiresAt) {
    }

    @PostMapping("/auth/login")
    @Operation(summary = "Log in with the mobile number or e-mail address and the password")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        PublicSessions.Session session = accounts.login(request.login(), request.password(),
                new PublicAccounts.ChallengeAnswer(request.challengeId(), request.challengeAnswer()),
                http.getRemoteAddr());
        return new LoginResponse(session.token(), session.expiresAt());
    }

    @PostMapping("/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest http) {
        accounts.logout(holder(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/account")
    PublicAccounts.Profile profile() {
        return accounts.profile(holder());
    }

    record ProfileChange(@Size(max = 200) String name, @Size(max = 18) String creditCode, Boolean notifyByMessage) {
    }

    @PutMapping("/account")
    PublicAccounts.Profile update(@Valid @RequestBody ProfileChange request, HttpServletRequest http) {
        return accounts.update(holder(), request.name(), request.creditCode(),
                Boolean.TRUE.equals(request.notifyByMessage()), http.getRemoteAddr());
    }

    record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(max = 128) String newPassword) {
    }

    /** Changing the password ends the holder's other sessions. */
    @PostMapping("/account/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request, HttpServletRequest http) {
        accounts.changePassword(holder(), request.currentPassword(), request.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    record Deletion(@NotNull @Size(max = 128) String password) {
    }

    @DeleteMapping("/account")
    @Operation(summary = "Delete the account (confirmed by the password); its demand requests stay, without it")
    ResponseEntity<Void> delete(@Valid @RequestBody Deletion request, HttpServletRequest http) {
        accounts.delete(holder(), request.password(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/account/notices")
    List<Notices.Notice> notices(HttpServletRequest http) {
        return notices.of(holder(), ProblemResponses.localeOf(http));
    }

    @PostMapping("/account/notices/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notices.markRead(holder(), id);
        return ResponseEntity.noContent().build();
    }

    private static long holder() {
        return PublicAccess.requireAccountHolder(Actor.require());
    }
}
