package cn.govdata.share.access;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

/** Each entry's data access interfaces described in OpenAPI for the caller's grants (SHR-5). */
@RestController
@Tag(name = "Shared data", description = "verification, query and exchange within a grant")
class GrantInterfaceController {

    private final GrantInterface description;

    GrantInterfaceController(GrantInterface description) {
        this.description = description;
    }

    @GetMapping(path = "/api/v1/share/data/{entryId}/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The OpenAPI 3.0 document of what the caller's active grants on the entry let it call: the "
            + "operations of the ways granted (for subscription the registration, its management and the signed push "
            + "as a callback), the granted items with Chinese names, types and masking, the record key, the row "
            + "filter and the limits")
    // an OpenAPI document described as a free-form object: springdoc would otherwise take Jackson's ObjectNode apart
    // as a bean and log its conflicting setters on every description request
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(type = "object", description = "an OpenAPI 3.0 document")))
    ObjectNode openapi(@PathVariable long entryId) {
        return description.describe(Actor.require(), entryId);
    }
}
