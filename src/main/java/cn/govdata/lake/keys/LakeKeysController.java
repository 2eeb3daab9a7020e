package cn.govdata.lake.keys;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.lake.keys.KeyRotation.KeyVersion;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/security/lake-keys")
class LakeKeysController {

    private final KeyRotation rotation;

    LakeKeysController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    @Operation(summary = "The versions of the keys sealing the lake's personal information, the active one, and how "
            + "many stored values each still seals (the authority's security administrator)")
    List<KeyVersion> versions() {
        return rotation.versions(Actor.require());
    }

    @PostMapping("/rotate")
    @Operation(summary = "Start a key rotation: a new version seals at once, older ones are re-sealed in the background "
            + "and retired when unused (the authority's security administrator)")
    List<KeyVersion> rotate() {
        return rotation.rotate(Actor.require());
    }
}
