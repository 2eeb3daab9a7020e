package cn.govdata.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords and client secrets are hashed. */
@Configuration
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id, the modern memory-hard KDF; prefixed ids let a future algorithm take over gradually
        String id = "argon2";
        return new DelegatingPasswordEncoder(id, Map.of(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
