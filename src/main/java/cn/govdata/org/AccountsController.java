package cn.govdata.org;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.govdata.org.ConnectedSystems.ConnectedSystem;
import cn.govdata.org.ConnectedSystems.Evaluation;
import cn.govdata.org.ConnectedSystems.IssuedCredentials;
import cn.govdata.org.UserAccounts.User;
import cn.govdata.shared.Actor;
import cn.govdata.shared.PlainText;
import cn.govdata.shared.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** User accounts and connected systems of departments (ORG-2, ORG-5). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "users, their roles, and connected systems")
class AccountsController {

    private final UserAccounts users;
    private final ConnectedSystems systems;

    AccountsController(UserAccounts users, ConnectedSystems systems) {
        this.users = users;
        this.systems = systems;
    }

    @GetMapping("/users")
    List<User> users(@RequestParam(required = false) Long departmentId) {
        return users.list(Actor.require(), departmentId);
    }

    record UserRequest(@NotBlank @Size(min = 2, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
            @NotBlank @Size(max = 100) @PlainText String displayName, @NotNull Long departmentId, @NotNull Set<Role> roles,
            @NotNull @Size(max = 128) String initialPassword) {
    }

    @PostMapping("/users")
    ResponseEntity<User> createUser(@Valid @RequestBody UserRequest request) {
        User user = users.create(Actor.require(), new UserAccounts.NewUser(request.username(), request.displayName(),
                request.departmentId(), request.roles(), request.initialPassword()));
        return ResponseEntity.status(HttpStatus.CREATED).body(user);
    }

    @GetMapping("/users/{id}")
    User user(@PathVariable long id) {
        return users.get(Actor.require(), id);
    }

    record UserChangeRequest(@NotBlank @Size(max = 100) @PlainText String displayName, @NotNull Set<Role> roles,
            @NotNull Boolean enabled) {
    }

    @PutMapping("/users/{id}")
    User updateUser(@PathVariable long id, @Valid @RequestBody UserChangeRequest request) {
        return users.update(Actor.require(), id,
                new UserAccounts.UserChange(request.displayName(), request.roles(), request.enabled()));
    }

    @PostMapping("/users/{id}/unlock")
    ResponseEntity<Void> unlock(@PathVariable long id) {
        users.unlock(Actor.require(), id);
        return ResponseEntity.noContent().build();
    }

    record PasswordResetRequest(@NotNull @Size(max = 128) String newPassword) {
    }

    @PostMapping("/users/{id}/reset-password")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordResetRequest request) {
        users.resetPassword(Actor.require(), id, request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/systems")
    List<ConnectedSystem> systems(@RequestParam(required = false) Long departmentId) {
        return systems.list(Actor.require(), departmentId);
    }

    record SystemRequest(@NotNull Long departmentId, @NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 1000) @PlainText(multiline = true) String description, Role role,
            @Valid Evaluation evaluation) {
    }

    /** The system as usual plus its secret, which is shown this once. */
    record SystemWithSecret(@JsonUnwrapped ConnectedSystem system, String clientSecret) {
        static SystemWithSecret of(IssuedCredentials issued) {
            return new SystemWithSecret(issued.system(), issued.clientSecret());
        }
    }

    @PostMapping("/systems")
    ResponseEntity<SystemWithSecret> registerSystem(@Valid @RequestBody SystemRequest request) {
        IssuedCredentials issued = systems.register(Actor.require(), new ConnectedSystems.NewSystem(
                request.departmentId(), request.name(), request.description(), request.role(), request.evaluation()));
        return ResponseEntity.status(HttpStatus.CREATED).body(SystemWithSecret.of(issued));
    }

    @GetMapping("/systems/{id}")
    ConnectedSystem system(@PathVariable long id) {
        return systems.get(Actor.require(), id);
    }

    @PostMapping("/systems/{id}/rotate-secret")
    SystemWithSecret rotateSecret(@PathVariable long id) {
        return SystemWithSecret.of(systems.rotateSecret(Actor.require(), id));
    }

    @PostMapping("/systems/{id}/revoke")
    ConnectedSystem revoke(@PathVariable long id) {
        return systems.revoke(Actor.require(), id);
    }
}
