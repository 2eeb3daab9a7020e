package cn.govdata.share.signature;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The electronic signatures of share decisions (SEC-7), listed per application and exported for offline checks. */
@RestController
@RequestMapping("/api/v1/share")
@Tag(name = "Share", description = "share applications, decisions, grants")
class SignatureController {

    private final DecisionSignatures signatures;

    SignatureController(DecisionSignatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping("/applications/{id}/decisions")
    @Operation(summary = "The signed decisions of an application: approvals, refusals, coordination and the grant")
    List<DecisionSignatures.Signature> decisions(@PathVariable long id) {
        return signatures.ofApplication(Actor.require(), id);
    }

    @GetMapping("/decisions/{id}/signature")
    @Operation(summary = "A decision's signed content (canonical JSON, UTF-8), its SM3withSM2 signature (DER, Base64) "
            + "and the platform's certificate (PEM): everything needed to verify it offline (docs/security.md)")
    DecisionSignatures.Export signature(@PathVariable long id) {
        return signatures.export(Actor.require(), id);
    }
}
