package cn.govdata.share.subscription;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.share.subscription.Subscriptions.DeadLetter;
import cn.govdata.share.subscription.Subscriptions.Delivery;
import cn.govdata.share.subscription.Subscriptions.NewSubscription;
import cn.govdata.share.subscription.Subscriptions.Subscription;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Subscriptions (主动推送, SHR-5): for connected systems and data users of a department holding a grant. */
@RestController
@RequestMapping("/api/v1/share/subscriptions")
@Tag(name = "Subscriptions", description = "changes of a granted dataset pushed, signed, to the subscriber's endpoint")
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    @Operation(summary = "Register a subscription for an entry (grant with SUBSCRIPTION); the signing secret is in "
            + "this answer only")
    ResponseEntity<Subscription> register(@RequestBody NewSubscription request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(subscriptions.register(Actor.require(), request));
    }

    @GetMapping
    @Operation(summary = "The caller's subscriptions (a data user: the department's)")
    List<Subscription> list() {
        return subscriptions.list(Actor.require());
    }

    @GetMapping("/{id}")
    Subscription get(@PathVariable long id) {
        return subscriptions.get(Actor.require(), id);
    }

    @PostMapping("/{id}/pause")
    Subscription pause(@PathVariable long id) {
        return subscriptions.pause(Actor.require(), id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused or suspended subscription, authorised anew")
    Subscription resume(@PathVariable long id) {
        return subscriptions.resume(Actor.require(), id);
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Issue a new signing secret (shown once); the old one signs nothing more")
    Subscription rotateSecret(@PathVariable long id) {
        return subscriptions.rotateSecret(Actor.require(), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        subscriptions.delete(Actor.require(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The latest 100 delivery requests and their outcome")
    List<Delivery> deliveries(@PathVariable long id) {
        return subscriptions.deliveries(Actor.require(), id);
    }

    @GetMapping("/{id}/dead-letters")
    @Operation(summary = "Changes given up on after the last attempt")
    List<DeadLetter> deadLetters(@PathVariable long id) {
        return subscriptions.deadLetters(Actor.require(), id);
    }

    @PostMapping("/{id}/dead-letters/{deadLetterId}/retry")
    @Operation(summary = "Deliver a dead letter's changes again (the cursor goes back to its start)")
    DeadLetter retry(@PathVariable long id, @PathVariable long deadLetterId) {
        return subscriptions.retry(Actor.require(), id, deadLetterId);
    }

    @PostMapping("/{id}/dead-letters/{deadLetterId}/discard")
    DeadLetter discard(@PathVariable long id, @PathVariable long deadLetterId) {
        return subscriptions.discard(Actor.require(), id, deadLetterId);
    }
}
