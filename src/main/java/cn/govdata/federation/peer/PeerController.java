package cn.govdata.federation.peer;

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

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The linked platforms, for the data authority's system administrator (SHR-10). */
@RestController
@RequestMapping("/api/v1/federation/peers")
@Tag(name = "Federation", description = "platforms linked as peers: the upper one the catalog cascades to, lower ones")
class PeerController {

    private final Peers peers;

    PeerController(Peers peers) {
        this.peers = peers;
    }

    /**
     * @param clientId the client credentials of a connected system created on the peer for this platform
     * @param relation {@code UPPER} or {@code LOWER}
     */
    record PeerRequest(String name, String baseUrl, String relation, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "PeerRequest[" + name + ", " + baseUrl + ", " + relation + ", " + clientId + "]"; // never the secret
        }
    }

    @GetMapping
    @Operation(summary = "The linked platforms, with the state of the last exchange (system administrator)")
    List<Peers.Peer> list() {
        return peers.list(Actor.require());
    }

    @GetMapping("/{id}")
    Peers.Peer get(@PathVariable long id) {
        return peers.get(Actor.require(), id);
    }

    @PostMapping
    @Operation(summary = "Link a platform: signs in there with the client credentials first; the secret is never "
            + "answered (system administrator)")
    ResponseEntity<Peers.Peer> register(@RequestBody PeerRequest request) {
        Peers.Peer peer = peers.register(Actor.require(), new Peers.NewPeer(request.name(), request.baseUrl(),
                request.relation(), request.clientId(), request.clientSecret()));
        return ResponseEntity.status(HttpStatus.CREATED).body(peer);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stop exchanging with the platform (the cascade pauses; nothing is deleted)")
    Peers.Peer disable(@PathVariable long id) {
        return peers.enable(Actor.require(), id, false);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Resume exchanging with the platform (the cascade catches up)")
    Peers.Peer enable(@PathVariable long id) {
        return peers.enable(Actor.require(), id, true);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unlink the platform (what it already received stays there)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        peers.delete(Actor.require(), id);
        return ResponseEntity.noContent().build();
    }
}
