package cn.govdata.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description's header: what the API is and how to authenticate (Swagger UI's "Authorize"). */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI govdataOpenApi() {
        return new OpenAPI()
                .info(new Info().title("govdata API").version("v1")
                        .description("政务数据资源平台 — government data resource platform. Errors are RFC 9457 "
                                + "problems with a stable `code`. Log in at /api/v1/auth/login, or obtain a token "
                                + "for a connected system at /oauth2/token (client credentials)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
