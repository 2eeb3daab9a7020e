package cn.govdata.security;

import java.time.OffsetDateTime;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Accounts.AccountStatus;
import cn.govdata.org.Accounts;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.PlainText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Console login and the signed-in user's own account (SEC-1). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "login, logout, own password and second factor")
class AuthController {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final AuditLog audit;

    AuthController(Accounts accounts, AccessTokens tokens, AuditLog audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    record LoginRequest(@NotNull @Size(max = 64) @PlainText String username, @NotNull @Size(max = 128) String password,
            @Size(max = 10) String totpCode) {
    }

    record LoginResponse(String token, OffsetDateTime expiresAt, boolean passwordChangeRequired) {
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        Accounts.Authenticated user = accounts.authenticate(request.username(), request.password(), request.totpCode(),
                http.getRemoteAddr());
        AccessTokens.Issued issued = tokens.issue(Actor.Kind.USER, user.userId());
        return new LoginResponse(issued.token(), issued.expiresAt(), user.passwordChangeRequired());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout() {
        Actor actor = Actor.require();
        tokens.revoke(actor.kind(), currentTokenHash());
        audit.record(AuditEvent.success(SecurityAuditAction.LOGOUT, "user", actor.id(), null));
        return ResponseEntity.noContent().build();
    }

    record Me(long id, String username, String displayName, long departmentId, String departmentName, long regionId,
            boolean authority, Set<Role> roles, boolean passwordChangeRequired, boolean totpEnabled) {
    }

    @GetMapping("/me")
    Me me() {
        Actor actor = Actor.require();
        if (!(SecurityContextHolder.getContext().getAuthentication().getDetails() instanceof AccountStatus status)) {
            throw new DomainException(ProblemCode.FORBIDDEN); // connected systems have no console account
        }
        return new Me(actor.id(), actor.name(), status.displayName(), actor.departmentId(), status.departmentName(),
                actor.regionId(), actor.authority(), actor.roles(), status.passwordChangeRequired(),
                status.totpEnabled());
    }

    record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(max = 128) String newPassword) {
    }

    /** Changing the password ends the user's other sessions. */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request) {
        Actor actor = requireUser();
        accounts.changePassword(actor, request.currentPassword(), request.newPassword());
        tokens.revokeAll(Actor.Kind.USER, actor.id(), currentTokenHash());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/totp/setup")
    Accounts.TotpEnrolment setupTotp() {
        return accounts.startTotp(requireUser());
    }

    record TotpConfirmation(@NotNull @Size(max = 10) String code) {
    }

    @PostMapping("/totp/confirm")
    ResponseEntity<Void> confirmTotp(@Valid @RequestBody TotpConfirmation request) {
        accounts.confirmTotp(requireUser(), request.code());
        return ResponseEntity.noContent().build();
    }

    private static Actor requireUser() {
        Actor actor = Actor.require();
        if (!SecurityAccess.mayManageOwnAccount(actor)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return actor;
    }

    private static String currentTokenHash() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : (String) authentication.getCredentials();
    }
}
